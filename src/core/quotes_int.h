/*
 * quotes_int.h - shared state of the quote finder (internal to quotes*.c).
 *
 *   quotes_lex.c      word tables (speech verbs, titles, ...) and quotation marks
 *   quotes_speaker.c  who a phrase names: entities, pronouns, role phrases, salience
 *   quotes_attr.c     where a quote's attribution is: after, before, colon, according to
 *   quotes.c          the walk over the article: direct, continued and follow-on quotes
 */
#ifndef NX_QUOTES_INT_H
#define NX_QUOTES_INT_H

#include <stddef.h>
#include <stdint.h>

#include "quotes.h"

/* a speaker: an entity, or a phrase of the text (tokens [p0, p1)), or nobody */
typedef struct qspk
{
	int			ent;			/* entity index, or -1 */
	uint32_t	p0,
				p1;				/* phrase tokens when ent < 0; p0 == p1: nobody */
} qspk;

#define QSPK_NONE ((qspk) {-1, 0, 0})
#define QSAL_HIST 8				/* people a pronoun may reach back to */

typedef struct qctx
{
	const char *text;
	uint32_t	text_end;		/* the last token's end: text is read no further */
	const nx_ner_tokens *t;
	const nx_entity_list *ents;
	int		   *tok_mention;	/* per token: mention index covering it, or -1 */
	uint8_t    *in_quote;		/* per token: inside a quotation (marks excluded) */
	uint8_t    *used_verb;		/* per token: a speech verb already used by a quote */
	uint32_t   *para;			/* per token: paragraph number */
	uint32_t   *lex;			/* per token: the word tables that hold it (bit l), and
								 * QW_LEX_KNOWN once looked up (qtok_is) */
	int		   *canon;			/* per entity: the person it names in full (title and
								 * first-name folding), or itself */
	uint8_t    *gender;			/* per entity: 0 unknown, 1 he, 2 she (from the article) */
	/* salience: the people most recently named as a speaker or as a sentence's subject,
	 * the most recent last; sal_ent / sal_tok is that one */
	int			sal_hist[QSAL_HIST];
	uint32_t	sal_hist_tok[QSAL_HIST];
	int			nsal;
	int			sal_ent;
	uint32_t	sal_tok;
	/* the most recent speaker (of a quote or of reported speech) */
	qspk		last;
	uint32_t	last_tok;
	int			have_last;
} qctx;

#define TS(c, i) ((c)->text + (c)->t->tok[i].start)
#define TL(c, i) ((size_t) ((c)->t->tok[i].end - (c)->t->tok[i].start))

/* quotes_lex.c */
enum qword
{
	QW_SPEECH_VERB,				/* said, says, adds, tweeted, ... (finite forms) */
	QW_SPEECH_PARTICIPLE,		/* saying, adding, telling, ... */
	QW_AUX,						/* words between a subject and its verb: has, also, ... */
	QW_CLAUSE_STOP,				/* words that end a subject phrase: and, but, that, ... */
	QW_PRONOUN,					/* he, she */
	QW_HE,						/* he, Mr, Sir, ... */
	QW_SHE,						/* she, Ms, Mrs, ... */
	QW_TITLE,					/* Adv, Dr, Mr, ... (a title before a surname) */
	QW_NP_START,				/* words a role phrase may start with: a, the, one, ... */
	QW_AFTER_STOP,				/* words that end a speaker phrase after its verb */
	QW_PASSIVE,					/* was, were, ... (X was asked "...": not X's words) */
	QW_FINITE,					/* is, was, has, will, n't, ... */
	QW_TO_VERB,					/* speech verbs that also take "to" + infinitive */
	QW_PREPOSITION,				/* in, on, at, ... */
	QW_SUBORDINATOR,			/* as, while, because, ... */
	QW_INSTITUTION,				/* department, ministry, ... (a role that is no person) */
	QW_DOCUMENT,				/* report, statement, ... (X's report said: X's words) */
	QW_NTABLES
};
#define QW_LEX_KNOWN (1u << 31)		/* above every table's bit (QW_NTABLES < 31) */
int			qword_is(const char *s, size_t n, enum qword list);
/* 1 when qword_is finds every word of every table in it (a unit test checks) */
int			qword_tables_check(void);
int			qtok_is(const qctx *c, size_t i, enum qword list);
int			is_speech_verb(const qctx *c, size_t i);
int			quote_mark(const qctx *c, size_t i);
int			is_punct_tok(const qctx *c, size_t i, const char *set);
int			is_word_tok(const qctx *c, size_t i);
int			looks_finite(const qctx *c, size_t c0, size_t c1);
long		pair_marks(const qctx *c, uint32_t *qo, uint32_t *qc, uint8_t *closed,
					   const nx_allocator *a);

/* quotes_speaker.c */
int			canon_entities(qctx *c, const nx_allocator *a);
const char *person_name(const qctx *c, int ent, size_t *len);
int			organisation_phrase(const qctx *c, size_t p0, size_t p1);
int			infer_genders(qctx *c, const nx_allocator *a);
qspk		resolve_phrase(const qctx *c, size_t p0, size_t p1, int prefer_first);
qspk		subject_before(const qctx *c, size_t verb);
qspk		sentence_subject(const qctx *c, size_t verb);
void		note_subject(qctx *c, size_t i, int tokens_before);
void		note_speaker(qctx *c, qspk s, size_t tok);
int			speaker_is_set(qspk s);

/* quotes_attr.c */
qspk		attribute_after(qctx *c, size_t o, size_t e, int closed);
qspk		attribute_before(qctx *c, size_t o, size_t c1);
qspk		reported_speech(qctx *c, size_t verb);

#endif
