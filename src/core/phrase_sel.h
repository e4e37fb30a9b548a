/*
 * phrase_sel.h - how many texts contain a phrase, estimated without looking at
 * them: the planner's selectivity of text @> phrase.  Plain C99, no PostgreSQL.
 */
#ifndef NX_PHRASE_SEL_H
#define NX_PHRASE_SEL_H

#include "phrase.h"
#include "phrase_query.h"

/* average bytes of news text per token (tokens of 16,207 real articles) */
#define NX_SEL_BYTES_PER_TOKEN	5.8

/* the least share of a word after the previous word of a phrase */
#define NX_SEL_PAIR_FLOOR	0.02

/*
 * Share of running tokens that are this word, from its rank in the common-word
 * list (id = nx_common_word_id(), -1 for a word outside it).
 */
extern double nx_token_frequency(int id);

/*
 * Estimated share of texts of about text_bytes bytes that contain p, in
 * [1e-7, 1].  Model: the phrase starts at a given token with the frequency of
 * its first word times, for each following word, the word's frequency or the
 * correlation floor NX_SEL_PAIR_FLOOR if that is larger (words of a phrase
 * follow each other far more often than independent draws would), capped by
 * its rarest word; occurrences are then Poisson over the text's tokens.
 */
extern double nx_phrase_selectivity(const nx_phrase *p, double text_bytes);

/*
 * Estimated share of texts of about text_bytes bytes that match q (text @@@ q), in
 * [1e-7, 1]: each phrase as above, its branches taken as independent (AND multiplies,
 * OR adds up to 1 - product of misses, NOT complements), and NEAR/n or BEFORE/n as AND
 * with the expected number of pairs of occurrences within n tokens (Poisson).
 */
extern double nx_pq_selectivity(const nx_pq *q, double text_bytes);

#endif							/* NX_PHRASE_SEL_H */
