/*
 * analysis.h - one analysis of one article: every field the SQL functions and the CLI
 * show, each computed at most once and only when asked for (plain C99).
 *
 *   nx_analysis an;
 *   nx_analysis_init(&an, text, len, model, alloc);     // text: UTF-8
 *   const nx_article *art = nx_analysis_article(&an);   // header fields, body, captions
 *   const nx_entity_list *e = nx_analysis_entities(&an); // tagged in the content only
 *   const nx_quote_list *q = nx_analysis_quotes(&an);
 *   nx_analysis_free(&an);
 *
 * Entities and quotes come from the article's content (headline, standfirst, dateline,
 * body, caption text without its credit): the other bytes (meta lines, boilerplate, end
 * markers, bylines) are blanked in a same-length copy (content.h), so every offset still
 * points into the original text. A getter returns NULL when memory ran out or the
 * allocator's interrupted() asked to stop; nx_analysis_status() then says which.
 */
#ifndef NX_ANALYSIS_H
#define NX_ANALYSIS_H

#include <stddef.h>

#include "article.h"
#include "ner.h"
#include "ner_tok.h"
#include "nx_alloc.h"
#include "quotes.h"

typedef struct nx_analysis
{
	const char *text;			/* the article, UTF-8 */
	size_t		len;
	const nx_ner_model *model;	/* NULL: no entities, no quotes */
	const nx_allocator *a;
	int			status;			/* NX_OK, or the first failure */
	unsigned	done;			/* which parts are computed (ANALYSIS_* bits in analysis.c) */
	nx_article	article;
	char	   *content;		/* text with non-content bytes blanked, same length */
	nx_ner_tokens tokens;		/* of content: sentences and tokens */
	nx_entity_list entities;
	nx_quote_list quotes;
	const char **names[4];		/* canonical names per NX_KIND_*, in order of first mention */
	size_t		nnames[4];
} nx_analysis;

void		nx_analysis_init(nx_analysis *an, const char *text, size_t len,
							 const nx_ner_model *model, const nx_allocator *a);
void		nx_analysis_free(nx_analysis *an);
int			nx_analysis_status(const nx_analysis *an);

const nx_article *nx_analysis_article(nx_analysis *an);
/* the header fields only (headline, byline, dateline, date): for article_headline/article_date */
const nx_article *nx_analysis_header(nx_analysis *an);
/* the headline only (the article's other fields unset): for article_headline */
const nx_article *nx_analysis_headline(nx_analysis *an);
const char *nx_analysis_content(nx_analysis *an);
const nx_ner_tokens *nx_analysis_tokens(nx_analysis *an);
const nx_entity_list *nx_analysis_entities(nx_analysis *an);
const nx_quote_list *nx_analysis_quotes(nx_analysis *an);
/* canonical names of one kind (NX_KIND_*); *n gets their number */
const char *const *nx_analysis_names(nx_analysis *an, int kind, size_t *n);

#endif
