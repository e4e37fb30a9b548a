/*
 * newsext command-line tool: the core outside the database.
 *
 *   newsext parse < article.txt     prints the article's fields as JSON (parse_article_json's
 *                                   writer; entities and quotes with model/newsext_ner.bin)
 *   newsext parse -0 < articles     the same for NUL-separated articles, one JSON object a line
 *   newsext fields                  prints parsed_article's columns: name and SQL type
 *   newsext tokens < text.txt       prints the phrase tokenizer's tokens, one a line
 *   newsext tokens -0 < texts       the same for NUL-separated texts, a blank line after each
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "article_json.h"
#include "fields.h"
#include "nx_alloc.h"
#include "phrase.h"

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

/* the entity model: $NEWSEXT_MODEL, else model/newsext_ner.bin; NULL when there is none */
static const nx_ner_model *
load_model(nx_ner_model *m)
{
	const char *path = getenv("NEWSEXT_MODEL") ? getenv("NEWSEXT_MODEL") : "model/newsext_ner.bin";
	FILE	   *f = fopen(path, "rb");
	size_t		len;
	char	   *buf;
	const char *err = NULL;

	if (f == NULL)
		return NULL;
	buf = read_all(f, &len);
	fclose(f);
	if (buf == NULL || nx_ner_model_open(buf, len, m, &err) < 0)
	{
		fprintf(stderr, "newsext: cannot use the model %s: %s\n", path, err ? err : "cannot read it");
		exit(1);
	}
	nx_ner_model_set_cache(m, malloc(nx_ner_wcache_size()));
	return m;					/* lives as long as the process */
}

/* the article's fields as parse_article_json gives them, from the same writer: one line */
static int
parse_one(const char *text, size_t len, FILE *out)
{
	static nx_ner_model model;
	static const nx_ner_model *m;
	nx_analysis an;
	nx_buf		json;
	int			rc;

	if (m == NULL)
		m = load_model(&model);
	nx_analysis_init(&an, text, len, m, &nx_malloc_allocator);
	nx_buf_init(&json, &nx_malloc_allocator);
	rc = nx_analysis_json(&an, NX_POSITION_CHARS, &json);
	if (rc == NX_OK)
	{
		fwrite(json.data, 1, json.len, out);
		fputc('\n', out);
	}
	else
		fprintf(stderr, "newsext: out of memory\n");
	nx_buf_free(&json);
	nx_analysis_free(&an);
	return rc == NX_OK ? 0 : 1;
}

/* the columns of parsed_article: name and SQL type, one a line */
static int
cmd_fields(FILE *out)
{
	for (int i = 0; i < nx_nfields; i++)
		fprintf(out, "%s %s\n", nx_fields[i].name, nx_field_type_sql(nx_fields[i].type));
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

/* tokens of one of many texts: a blank line after each */
static int
print_tokens_and_blank(const char *text, size_t len, FILE *out)
{
	int			rc = print_tokens(text, len, out);

	fputc('\n', out);
	return rc;
}

/* fn on the whole input, or (nul_separated) on each of its NUL-separated texts */
static int
for_each_text(FILE *in, FILE *out, int nul_separated, int (*fn) (const char *, size_t, FILE *))
{
	size_t		len,
				start = 0,
				i;
	char	   *text = read_all(in, &len);
	int			rc = 0;

	if (text == NULL)
	{
		fprintf(stderr, "newsext: cannot read input\n");
		return 1;
	}
	if (!nul_separated)
		rc = fn(text, len, out);
	for (i = 0; nul_separated && rc == 0 && i <= len; i++)
	{
		if (i < len && text[i] != '\0')
			continue;
		if (i > start || i < len)
			rc = fn(text + start, i - start, out);
		start = i + 1;
	}
	free(text);
	return rc;
}

int
main(int argc, char **argv)
{
	int			many = argc == 3 && strcmp(argv[2], "-0") == 0;

	if ((argc == 2 || many) && strcmp(argv[1], "parse") == 0)
		return for_each_text(stdin, stdout, many, parse_one);
	if (argc == 2 && strcmp(argv[1], "fields") == 0)
		return cmd_fields(stdout);
	if ((argc == 2 || many) && strcmp(argv[1], "tokens") == 0)
		return for_each_text(stdin, stdout, many, many ? print_tokens_and_blank : print_tokens);
	if (argc == 2 && strcmp(argv[1], "--version") == 0)
	{
		printf("newsext %s\n", NEWSEXT_VERSION);
		return 0;
	}
	fprintf(stderr, "usage: newsext parse [-0] < article.txt\n"
			"  prints the article's headline, standfirst, byline, dateline, date,\n"
			"  reading time, captions, body, lead, word count, entities and quotes as JSON\n"
			"  (-0: NUL-separated articles, one JSON object a line)\n"
			"  (the model: $NEWSEXT_MODEL, else model/newsext_ner.bin)\n"
			"       newsext fields\n"
			"  prints parsed_article's columns, name and SQL type, one a line\n"
			"       newsext tokens [-0] < text.txt\n"
			"  prints the phrase tokens gin_phrase_ops indexes, one a line\n"
			"  (-0: NUL-separated texts, a blank line after each text's tokens)\n");
	return 2;
}
