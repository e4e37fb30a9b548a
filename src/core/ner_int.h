/*
 * ner_int.h - what ner.c shares with the second pass over an article's mentions (ner_doc.c).
 */
#ifndef NX_NER_INT_H
#define NX_NER_INT_H

#include "ner.h"

/* a tagger mention before names are grouped */
typedef struct
{
	uint32_t	start,
				end;			/* byte span */
	uint32_t	t0,
				t1;				/* token range [t0, t1) */
	int			kind;
	int			group;
} raw_mention;

/*
 * Document-level kinds, after the tagger and the per-form vote: the evidence of the whole
 * article (datelines, names in full, names inside longer names) corrects a mention's kind.
 * Linear in tokens and mentions. Returns 0, or -1 when memory ran out.
 */
int			nx_ner_doc_kinds(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
							 raw_mention *rm, size_t nrm, const nx_allocator *a);

#endif
