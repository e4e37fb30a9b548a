/*
 * article.h - an article's layout: headline, standfirst, byline, dateline, date,
 * reading time, captions and the clean body, from plain text.
 *
 * Rules describe what articles look like (wire copy, scraped pages, CoNLL/Reuters
 * layouts), not any one corpus. Non-articles give NULL fields, never an error.
 */
#ifndef NX_ARTICLE_H
#define NX_ARTICLE_H

#include <stddef.h>

#include "dates.h"
#include "nx_alloc.h"

typedef struct nx_article
{
	char	   *headline;		/* NUL-terminated strings owned by the caller's allocator, or NULL */
	char	   *standfirst;
	char	   *byline;
	char	   *dateline;		/* the place only: "SALVADOR", "AKRON, Ohio" */
	int			has_published;
	nx_date		published;
	int			reading_minutes;	/* -1 when the article does not say */
	char	  **captions;
	int			ncaptions;
	char	   *body;			/* paragraphs separated by one blank line */
	char	   *lead;			/* first body paragraph */
	int			word_count;
	const char *language;		/* ISO 639-1 code (a static string, not to free), or NULL when unsure;
								 * set by NX_PARSE_FULL only */
	int			language_has_english;	/* 0 when too little of the text reads as English
										 * (langid.h); set by NX_PARSE_FULL only */
} nx_article;

/* what to compute: everything, only the header fields and the date (no body, no captions), or the headline */
typedef enum nx_parse_mode
{
	NX_PARSE_FULL = 0,
	NX_PARSE_HEADER_ONLY = 1,
	NX_PARSE_HEADLINE_ONLY = 2	/* the headline alone: stops when it is found */
} nx_parse_mode;

/* NX_OK, or NX_ENOMEM (nx_alloc.h) */
int			nx_article_parse(const char *text, size_t len, nx_parse_mode mode,
							 const nx_allocator *a, nx_article *out);
void		nx_article_free(nx_article *art, const nx_allocator *a);

#endif
