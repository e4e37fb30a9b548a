/*
 * ner.h - named entities of an article: mentions, canonical entities (plain C99).
 *
 *   nx_entity_list l;
 *   if (nx_entities_extract(model, text, len, alloc, &l) == 0) {
 *       for (size_t i = 0; i < l.nentities; i++)   // in order of first mention
 *           use(l.entities[i].name, nx_entity_kind_name(l.entities[i].kind), l.entities[i].mentions);
 *       for (size_t i = 0; i < l.nmentions; i++)   // in text order
 *           use(l.mentions[i].start, l.mentions[i].end, l.entities[l.mentions[i].entity].name);
 *       nx_entity_list_free(&l, alloc);
 *   }
 *
 * Offsets are byte offsets into text. Canonical names: titles stripped ("President Barack
 * Obama" -> "Barack Obama"), a short name folds into a longer name of the same kind that
 * contains it ("Obama" -> "Barack Obama", "Nusra" -> "al-Nusra Front"; a single word that is
 * the surname of a person named in full becomes that person), "U.S." / "US" / "USA" ->
 * "United States", other dotted abbreviations lose their dots ("U.N." -> "UN") and fold into
 * the longest known form in the article ("UN" -> "United Nations" when both appear).
 */
#ifndef NX_NER_H
#define NX_NER_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"
#include "ner_model.h"
#include "ner_tok.h"

/* kinds, in the order of the model's CoNLL types PER ORG LOC MISC */
#define NX_KIND_PERSON			0
#define NX_KIND_ORGANIZATION	1
#define NX_KIND_PLACE			2
#define NX_KIND_OTHER			3

typedef struct nx_mention
{
	uint32_t	start;			/* byte offset of the mention */
	uint32_t	end;			/* byte offset, exclusive */
	int			kind;			/* NX_KIND_* (after document-level consistency) */
	uint32_t	entity;			/* index into nx_entity_list.entities */
} nx_mention;

typedef struct nx_entity
{
	char	   *name;			/* canonical name, NUL-terminated UTF-8 */
	size_t		name_len;
	int			kind;
	uint32_t	mentions;		/* number of mentions */
	uint32_t	first_start;	/* byte offset of the first mention */
	uint32_t	first_mention;	/* index into nx_entity_list.mentions */
} nx_entity;

typedef struct nx_entity_list
{
	nx_mention *mentions;		/* in text order */
	size_t		nmentions;
	nx_entity  *entities;		/* in order of first mention */
	size_t		nentities;
} nx_entity_list;

/* "person", "organization", "place", "other" */
const char *nx_entity_kind_name(int kind);

/*
 * Tag, resolve and canonicalise. Returns 0, or -1 when memory ran out or the allocator's
 * interrupted() asked to stop (out is then empty). Never fails on odd input: text that is not
 * English, tables and empty strings give few or no entities.
 */
int			nx_entities_extract(const nx_ner_model *m, const char *text, size_t len,
								const nx_allocator *a, nx_entity_list *out);
/* the same over tokens already made by nx_ner_tokenize(text) */
int			nx_entities_from_tokens(const nx_ner_model *m, const char *text,
									const nx_ner_tokens *toks, const nx_allocator *a,
									nx_entity_list *out);
void		nx_entity_list_free(nx_entity_list *l, const nx_allocator *a);

/* raw tagger output over given tokens: spans as (start, end, kind) triples; used by tools */
int			nx_ner_spans(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
						 const nx_allocator *a, uint32_t **spans, size_t *nspans);

#endif
