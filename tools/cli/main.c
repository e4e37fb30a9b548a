/*
 * newsext command-line tool: the core outside the database.
 *
 *   newsext parse < article.txt     prints the article's fields as JSON
 *   newsext tokens < text.txt       prints the phrase tokenizer's tokens, one a line
 *   newsext tokens -0 < texts       the same for NUL-separated texts, a blank line after each
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "nx_alloc.h"
#include "phrase.h"

static void
put_json_string(FILE *f, const char *s)
{
	const unsigned char *p;

	if (s == NULL)
	{
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (p = (const unsigned char *) s; *p; p++)
	{
		switch (*p)
		{
			case '"':
				fputs("\\\"", f);
				break;
			case '\\':
				fputs("\\\\", f);
				break;
			case '\n':
				fputs("\\n", f);
				break;
			case '\r':
				fputs("\\r", f);
				break;
			case '\t':
				fputs("\\t", f);
				break;
			default:
				if (*p < 0x20)
					fprintf(f, "\\u%04x", *p);
				else
					fputc(*p, f);
		}
	}
	fputc('"', f);
}

static char *
read_all(FILE *in, size_t *len)
{
	size_t		cap = 1 << 16,
				n = 0,
				got;
	char	   *buf = malloc(cap);

	if (buf == NULL)
		return NULL;
	while ((got = fread(buf + n, 1, cap - n, in)) > 0)
	{
		n += got;
		if (n == cap)
		{
			char	   *nb = realloc(buf, cap * 2);

			if (nb == NULL)
			{
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	*len = n;
	return buf;
}

static int
cmd_parse(FILE *in, FILE *out)
{
	size_t		len;
	char	   *text = read_all(in, &len);
	nx_article	art;
	int			i;

	if (text == NULL)
	{
		fprintf(stderr, "newsext: out of memory reading input\n");
		return 1;
	}
	if (nx_article_parse(text, len, NX_PARSE_FULL, &nx_malloc_allocator, &art) != NX_OK)
	{
		fprintf(stderr, "newsext: out of memory\n");
		free(text);
		return 1;
	}
	fputs("{\"headline\": ", out);
	put_json_string(out, art.headline);
	fputs(", \"standfirst\": ", out);
	put_json_string(out, art.standfirst);
	fputs(", \"byline\": ", out);
	put_json_string(out, art.byline);
	fputs(", \"dateline\": ", out);
	put_json_string(out, art.dateline);
	if (art.has_published)
		fprintf(out, ", \"published\": \"%04d-%02d-%02d\"", art.published.year, art.published.month, art.published.day);
	else
		fputs(", \"published\": null", out);
	if (art.reading_minutes >= 0)
		fprintf(out, ", \"reading_minutes\": %d", art.reading_minutes);
	else
		fputs(", \"reading_minutes\": null", out);
	fputs(", \"captions\": [", out);
	for (i = 0; i < art.ncaptions; i++)
	{
		if (i)
			fputs(", ", out);
		put_json_string(out, art.captions[i]);
	}
	fputs("], \"lead\": ", out);
	put_json_string(out, art.lead);
	fprintf(out, ", \"word_count\": %d, \"body\": ", art.word_count);
	put_json_string(out, art.body);
	fputs(", \"language\": ", out);
	put_json_string(out, art.language);
	fputs("}\n", out);
	nx_article_free(&art, &nx_malloc_allocator);
	free(text);
	return 0;
}

static int
put_token(void *out, const nx_token *t)
{
	fwrite(t->text, 1, t->len, (FILE *) out);
	fputc('\n', (FILE *) out);
	return 1;
}

static int
print_tokens(const char *text, size_t len, FILE *out)
{
	if (nx_text_tokens(text, len, &nx_malloc_allocator, put_token, out) < 0)
	{
		fprintf(stderr, "newsext: out of memory\n");
		return 1;
	}
	return 0;
}

/* the tokens gin_phrase_ops indexes; -0: many texts separated by NUL bytes */
static int
cmd_tokens(FILE *in, FILE *out, int nul_separated)
{
	size_t		len,
				start = 0,
				i;
	char	   *text = read_all(in, &len);

	if (text == NULL)
	{
		fprintf(stderr, "newsext: cannot read input\n");
		return 1;
	}
	if (!nul_separated)
	{
		int			rc = print_tokens(text, len, out);

		free(text);
		return rc;
	}
	for (i = 0; i <= len; i++)
	{
		if (i < len && text[i] != '\0')
			continue;
		if (i > start || i < len)
		{
			if (print_tokens(text + start, i - start, out) != 0)
			{
				free(text);
				return 1;
			}
			fputc('\n', out);
		}
		start = i + 1;
	}
	free(text);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "parse") == 0)
		return cmd_parse(stdin, stdout);
	if (argc >= 2 && argc <= 3 && strcmp(argv[1], "tokens") == 0 &&
		(argc == 2 || strcmp(argv[2], "-0") == 0))
		return cmd_tokens(stdin, stdout, argc == 3);
	if (argc == 2 && strcmp(argv[1], "--version") == 0)
	{
		printf("newsext %s\n", NEWSEXT_VERSION);
		return 0;
	}
	fprintf(stderr, "usage: newsext parse < article.txt\n"
			"  prints the article's headline, standfirst, byline, dateline, date,\n"
			"  reading time, captions, lead, word count and body as JSON\n"
			"       newsext tokens [-0] < text.txt\n"
			"  prints the phrase tokens gin_phrase_ops indexes, one a line\n"
			"  (-0: NUL-separated texts, a blank line after each text's tokens)\n");
	return 2;
}
