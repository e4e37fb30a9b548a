/*
 * content.c - where an article's content lies in its original text; see content.h.
 */
#include <string.h>

#include "content.h"
#include "nx_text.h"

/* bytes compared while matching, per byte of text, before giving up on the search */
#define MATCH_BUDGET_PER_BYTE 16

typedef struct finder
{
	const char *text;
	size_t		len;
	unsigned char *keep;		/* per byte: content */
	size_t		budget;			/* bytes left to compare */
	const nx_allocator *a;
	size_t		attempts;
	size_t		last_start;		/* where the last field found starts */
	int			lost;			/* a field was not found (or the budget ran out) */
	int			interrupted;
} finder;

/* field f[0..n) at text offset p, white space runs matching white space runs: end offset, or 0 */
static size_t
match_at(finder *fd, size_t p, const char *f, size_t n)
{
	size_t		i = p,
				j = 0;

	while (j < n)
	{
		size_t		fs,
					k = 0,
					run = n - j;

		/* a run of bytes that start no white space is compared in one go, at the same cost
		 * in budget as byte by byte */
		if (run > fd->budget)
			run = fd->budget;
		if (run > fd->len - i)
			run = fd->len - i;
		while (k < run && nx_starts_no_space((unsigned char) f[j + k]) && f[j + k] == fd->text[i + k])
			k++;
		fd->budget -= k;
		i += k;
		j += k;
		if (j >= n)
			break;
		fs = nx_space_len(f + j, n - j);
		if (fd->budget == 0)
			return 0;
		fd->budget--;
		if (fs > 0)
		{
			size_t		ts = nx_space_len(fd->text + i, fd->len - i);

			if (ts == 0)
				return 0;
			while (ts > 0)
			{
				i += ts;
				ts = nx_space_len(fd->text + i, fd->len - i);
			}
			while (fs > 0)
			{
				j += fs;
				fs = nx_space_len(f + j, n - j);
			}
			continue;
		}
		if (i >= fd->len || fd->text[i] != f[j])
			return 0;
		i++;
		j++;
	}
	return i;
}

/* marks the first occurrence of f[0..n) at or after from; returns its end, or from when lost */
static size_t
mark(finder *fd, size_t from, const char *f, size_t n)
{
	size_t		p = from;

	while (n > 0 && p < fd->len && fd->budget > 0 && !fd->lost)
	{
		const char *hit = memchr(fd->text + p, f[0], fd->len - p);
		size_t		end;

		if (hit == NULL)
			break;
		p = (size_t) (hit - fd->text);
		end = match_at(fd, p, f, n);
		if (end > 0)
		{
			fd->last_start = p;
			memset(fd->keep + p, 1, end - p);
			return end;
		}
		p++;
		if ((++fd->attempts & 0xFFF) == 0 && nx_interrupted(fd->a))
		{
			fd->interrupted = 1;
			fd->lost = 1;
		}
	}
	if (n > 0)
		fd->lost = 1;
	return from;
}

static size_t
mark_str(finder *fd, size_t from, const char *s)
{
	return s ? mark(fd, from, s, strlen(s)) : from;
}

/* a credit word: upper-case initial, a digit, or a separator such as "/" or "via" */
static int
credit_word(const char *w, size_t n)
{
	unsigned char c = (unsigned char) w[0];

	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
		(n == 1 && (c == '/' || c == '-' || c == '|')) || nx_word_eq_ci(w, n, "via");
}

/* every word of c[from, to) looks like a name or an agency ("AFP Photo", "Reuters/File") */
static int
credit_words(const char *c, size_t from, size_t to)
{
	for (size_t w = from; w < to;)
	{
		size_t		e = w;

		while (e < to && c[e] != ' ' && c[e] != ':' && c[e] != ',')
			e++;
		if (e > w && !credit_word(c + w, e - w))
			return 0;
		w = e + 1;
	}
	return 1;
}

/* a credit after an en or em dash at the end ("... in Karachi. — Reuters/File"): where the text ends */
static size_t
dash_credit_start(const char *c, size_t n)
{
	for (size_t i = n > 64 ? n - 64 : 0; i + 3 < n; i++)
	{
		const unsigned char *u = (const unsigned char *) c + i;

		if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94) && i > 0 && c[i - 1] == ' ' &&
			credit_words(c, c[i + 3] == ' ' ? i + 4 : i + 3, n))
		{
			while (i > 0 && c[i - 1] == ' ')
				i--;
			return i;
		}
	}
	return n;
}

size_t
nx_caption_text_len(const char *c, size_t n)
{
	char		close;
	char		open;
	size_t		i;

	if (n < 3)
		return n;
	if (c[n - 1] != ')' && c[n - 1] != ']')
	{
		i = dash_credit_start(c, n);
		return i > 0 ? i : n;
	}
	close = c[n - 1];
	open = close == ')' ? '(' : '[';
	for (i = n - 1; i > 0 && c[i - 1] != open && c[i - 1] != close; i--)
		;
	if (i == 0 || n - i > 64)
		return n;
	/* every word inside the brackets looks like a name or an agency: "(AFP Photo)", "[Getty]" */
	if (!credit_words(c, i, n - 1))
		return n;
	for (i--; i > 0 && c[i - 1] == ' '; i--)
		;
	return i > 0 ? i : n;
}

/* longest gap between a dateline and its body on the same line ("NEW YORK, Feb 26 - ") */
#define DATELINE_GAP 64

/*
 * Body paragraphs are separated by one blank line; each is found after the previous one.
 * The dateline's date and dash before the first paragraph stay content: blanking them
 * would leave the tagger a place name glued to the story's first words.
 */
static void
mark_body(finder *fd, size_t from, const char *body, size_t dateline_end)
{
	const char *p = body;
	int			first = 1;

	while (p && *p && !fd->lost)
	{
		const char *e = strstr(p, "\n\n");
		size_t		n = e ? (size_t) (e - p) : strlen(p);

		from = mark(fd, from, p, n);
		if (first && !fd->lost && dateline_end > 0 && fd->last_start > dateline_end &&
			fd->last_start - dateline_end <= DATELINE_GAP &&
			memchr(fd->text + dateline_end, '\n', fd->last_start - dateline_end) == NULL)
			memset(fd->keep + dateline_end, 1, fd->last_start - dateline_end);
		first = 0;
		p = e ? e + 2 : NULL;
	}
}

/*
 * A dateline on a line of its own keeps the rest of that line ("LONDON 1996-08-30", "WASHINGTON
 * (AP) -"): the tagger learnt datelines with their dates, and reads a capitalised name alone on
 * a line as anything but the place it is.
 */
static void
keep_dateline_line(finder *fd, size_t dateline_end)
{
	const char *nl;

	if (dateline_end == 0 || fd->lost)
		return;
	nl = memchr(fd->text + dateline_end, '\n', fd->len - dateline_end);
	if (nl != NULL && (size_t) (nl - fd->text) - dateline_end <= DATELINE_GAP)
		memset(fd->keep + dateline_end, 1, (size_t) (nl - fd->text) - dateline_end);
}

static void
mark_fields(finder *fd, const nx_article *art)
{
	size_t		after_head = mark_str(fd, 0, art->headline);
	size_t		dateline_end;

	after_head = mark_str(fd, after_head, art->standfirst);
	/* the dateline follows the headline ("LONDON STOCK EXCHANGE ..." then "LONDON, March 30 -") */
	dateline_end = art->dateline ? mark_str(fd, after_head, art->dateline) : 0;
	keep_dateline_line(fd, dateline_end);
	for (int i = 0; i < art->ncaptions && !fd->lost; i++)
		mark(fd, 0, art->captions[i], nx_caption_text_len(art->captions[i], strlen(art->captions[i])));
	mark_body(fd, after_head, art->body, dateline_end);
}

int
nx_content_mask(const char *text, size_t len, const nx_article *art,
				const nx_allocator *a, char **out)
{
	char	   *m = nx_alloc(a, len + 1);
	finder		fd;

	*out = NULL;
	if (m == NULL)
		return NX_ENOMEM;
	memcpy(m, text, len);
	m[len] = '\0';
	/* not an article (no body): everything is content, as a plain text is */
	if (art->body == NULL || len == 0)
	{
		*out = m;
		return NX_OK;
	}
	memset(&fd, 0, sizeof(fd));
	fd.text = text;
	fd.len = len;
	fd.a = a;
	fd.budget = MATCH_BUDGET_PER_BYTE * len + 4096;
	fd.keep = nx_alloc(a, len);
	if (fd.keep == NULL)
	{
		nx_free(a, m);
		return NX_ENOMEM;
	}
	memset(fd.keep, 0, len);
	mark_fields(&fd, art);
	if (fd.interrupted)
	{
		nx_free(a, fd.keep);
		nx_free(a, m);
		return NX_EINTR;
	}
	/* line ends stay (bare CR too), so the tagger sees the same lines as in the text */
	if (!fd.lost)
		for (size_t i = 0; i < len; i++)
			if (!fd.keep[i] && m[i] != '\n' && m[i] != '\r')
				m[i] = ' ';
	nx_free(a, fd.keep);
	*out = m;
	return NX_OK;
}
