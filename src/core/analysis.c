/*
 * analysis.c - one analysis of one article; see analysis.h.
 *
 * Each part is a getter that computes what it needs first and remembers the result:
 *   article -> content (mask) -> tokens -> entities -> quotes, names per kind.
 */
#include <string.h>

#include "analysis.h"
#include "content.h"

#define DONE_HEADER		0x01
#define DONE_ARTICLE	0x02
#define DONE_CONTENT	0x04
#define DONE_TOKENS		0x08
#define DONE_ENTITIES	0x10
#define DONE_QUOTES		0x20
#define DONE_NAMES		0x40
#define DONE_HEADLINE	0x80
/* the article parsed in one of the three modes */
#define PARSE_BITS		(DONE_HEADLINE | DONE_HEADER | DONE_ARTICLE)

void
nx_analysis_init(nx_analysis *an, const char *text, size_t len,
				 const nx_ner_model *model, const nx_allocator *a)
{
	memset(an, 0, sizeof(*an));
	an->text = text;
	an->len = len;
	an->model = model;
	an->a = a;
	an->status = NX_OK;
}

int
nx_analysis_status(const nx_analysis *an)
{
	return an->status;
}

/* records the first failure; returns 1 when rc is a failure */
static int
failed(nx_analysis *an, int rc)
{
	if (rc >= 0)
		return 0;
	if (an->status == NX_OK)
		an->status = nx_interrupted(an->a) ? NX_EINTR : rc;
	return 1;
}

/*
 * The article parsed in mode, which done (a DONE_ bit) records; a parse in a smaller mode
 * (headline < header < article) is dropped for the larger one.
 */
static const nx_article *
parse_article_as(nx_analysis *an, nx_parse_mode mode, unsigned done, unsigned enough)
{
	if (an->done & enough)
		return &an->article;
	if (an->status != NX_OK)
		return NULL;
	if (an->done & PARSE_BITS)
	{
		nx_article_free(&an->article, an->a);
		an->done &= ~PARSE_BITS;
	}
	if (failed(an, nx_article_parse(an->text, an->len, mode, an->a, &an->article)))
		return NULL;
	an->done |= done;
	return &an->article;
}

const nx_article *
nx_analysis_article(nx_analysis *an)
{
	return parse_article_as(an, NX_PARSE_FULL, DONE_ARTICLE, DONE_ARTICLE);
}

const nx_article *
nx_analysis_header(nx_analysis *an)
{
	return parse_article_as(an, NX_PARSE_HEADER_ONLY, DONE_HEADER, DONE_ARTICLE | DONE_HEADER);
}

const nx_article *
nx_analysis_headline(nx_analysis *an)
{
	return parse_article_as(an, NX_PARSE_HEADLINE_ONLY, DONE_HEADLINE, PARSE_BITS);
}

const char *
nx_analysis_content(nx_analysis *an)
{
	const nx_article *art;

	if (an->done & DONE_CONTENT)
		return an->content;
	if ((art = nx_analysis_article(an)) == NULL)
		return NULL;
	if (failed(an, nx_content_mask(an->text, an->len, art, an->a, &an->content)))
		return NULL;
	an->done |= DONE_CONTENT;
	return an->content;
}

const nx_ner_tokens *
nx_analysis_tokens(nx_analysis *an)
{
	const char *content;

	if (an->done & DONE_TOKENS)
		return &an->tokens;
	if ((content = nx_analysis_content(an)) == NULL)
		return NULL;
	if (failed(an, nx_ner_tokenize(content, an->len, an->a, &an->tokens)))
		return NULL;
	an->done |= DONE_TOKENS;
	return &an->tokens;
}

/*
 * The entity model knows English only: a text identified as another language with no
 * English part at all gives no mentions and no quotes rather than false ones. A text the
 * identifier is unsure about (short) still runs, and so does an English article that
 * names so many foreign places and people that it reads as another language first.
 */
static int
model_knows_language(nx_analysis *an)
{
	const nx_article *art = nx_analysis_article(an);

	if (art == NULL || art->language == NULL || strcmp(art->language, "en") == 0)
		return 1;
	return art->language_has_english;
}

const nx_entity_list *
nx_analysis_entities(nx_analysis *an)
{
	const nx_ner_tokens *toks;

	if (an->done & DONE_ENTITIES)
		return &an->entities;
	if (an->model == NULL || !model_knows_language(an))
	{
		an->done |= DONE_ENTITIES;
		return &an->entities;	/* empty */
	}
	if ((toks = nx_analysis_tokens(an)) == NULL)
		return NULL;
	if (failed(an, nx_entities_from_tokens(an->model, an->content, toks, an->a, &an->entities)))
		return NULL;
	an->done |= DONE_ENTITIES;
	return &an->entities;
}

const nx_quote_list *
nx_analysis_quotes(nx_analysis *an)
{
	const nx_entity_list *ents;

	if (an->done & DONE_QUOTES)
		return &an->quotes;
	if ((ents = nx_analysis_entities(an)) == NULL)
		return NULL;
	if (an->model != NULL && model_knows_language(an) &&
		failed(an, nx_quotes_from_tokens(an->content, &an->tokens, ents, an->a, &an->quotes)))
		return NULL;
	an->done |= DONE_QUOTES;
	return &an->quotes;
}

static int
collect_names(nx_analysis *an, const nx_entity_list *ents)
{
	for (int k = 0; k < 4; k++)
	{
		an->names[k] = nx_alloc(an->a, (ents->nentities + 1) * sizeof(char *));
		if (an->names[k] == NULL)
			return NX_ENOMEM;
	}
	for (size_t i = 0; i < ents->nentities; i++)
	{
		int			k = ents->entities[i].kind;

		an->names[k][an->nnames[k]++] = ents->entities[i].name;
	}
	return NX_OK;
}

const char *const *
nx_analysis_names(nx_analysis *an, int kind, size_t *n)
{
	const nx_entity_list *ents;

	*n = 0;
	if (kind < 0 || kind > 3)
		return NULL;
	if (!(an->done & DONE_NAMES))
	{
		if ((ents = nx_analysis_entities(an)) == NULL)
			return NULL;
		if (failed(an, collect_names(an, ents)))
			return NULL;
		an->done |= DONE_NAMES;
	}
	*n = an->nnames[kind];
	return an->names[kind];
}

void
nx_analysis_free(nx_analysis *an)
{
	const nx_allocator *a = an->a;

	for (int k = 0; k < 4; k++)
		nx_free(a, an->names[k]);
	nx_quote_list_free(&an->quotes, a);
	nx_entity_list_free(&an->entities, a);
	nx_ner_tokens_free(&an->tokens, a);
	nx_free(a, an->content);
	/* the parts are zeroed at init and left freeable after a failure */
	nx_article_free(&an->article, a);
	memset(an, 0, sizeof(*an));
}
