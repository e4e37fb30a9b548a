/*
 * phrase_sel.c - selectivity of text @> phrase from the common-word list
 * (phrase_sel.h).
 *
 * The word frequencies come from the ranks of phrase_words.inc: on 16,207
 * distinct real news articles (3.08M tokens; the same corpora as the list,
 * plus fundus and TempEval-3 dev) the share of tokens that are the word of
 * rank r fits 0.203 * (r + 5)^-1.087 (least squares on log frequency; 90% of
 * the 4,096 words within a factor 1.6).  Words outside the list are 14% of
 * the tokens, spread over 72,604 distinct words there: 2e-6 each on average.
 * Only these constants are kept, no counts.
 */
#include <math.h>

#include "phrase_sel.h"
#include "phrase_words.h"
#include "tokenize.h"

#define NX_SEL_ZIPF_SCALE	0.203
#define NX_SEL_ZIPF_SHIFT	5.0
#define NX_SEL_ZIPF_EXP		1.087
#define NX_SEL_RARE_TOKEN	2e-6
#define NX_SEL_MIN			1e-7
/* a share of texts taken as below 1, so that it has a finite number of occurrences */
#define NX_SEL_MAX_SHARE	(1.0 - 1e-9)

double
nx_token_frequency(int id)
{
	if (id < 0)
		return NX_SEL_RARE_TOKEN;
	return NX_SEL_ZIPF_SCALE * pow((double) id + NX_SEL_ZIPF_SHIFT, -NX_SEL_ZIPF_EXP);
}

double
nx_phrase_selectivity(const nx_phrase *p, double text_bytes)
{
	double		tokens = text_bytes / NX_SEL_BYTES_PER_TOKEN;
	double		rate = 1.0,
				rarest = 1.0,
				sel;
	uint32_t	i;

	if (tokens < 1.0)
		tokens = 1.0;
	for (i = 0; i < p->ntok; i++)
	{
		const char *s = p->data + p->off[i];
		size_t		len = p->off[i + 1] - p->off[i];
		double		f = nx_token_frequency(nx_common_word_id(s, len, nx_token_hash(s, len)));

		rate *= (i == 0 || f > NX_SEL_PAIR_FLOOR) ? f : NX_SEL_PAIR_FLOOR;
		if (f < rarest)
			rarest = f;
	}
	if (rate > rarest)
		rate = rarest;
	sel = -expm1(-tokens * rate);
	if (sel < NX_SEL_MIN)
		sel = NX_SEL_MIN;
	return sel > 1.0 ? 1.0 : sel;
}

static double
clamp_sel(double sel)
{
	if (sel < NX_SEL_MIN)
		return NX_SEL_MIN;
	return sel > 1.0 ? 1.0 : sel;
}

/* the selectivity of the subtree at node i (recursion: nx_pq_view bounds the depth) */
static double
pq_node_selectivity(const nx_pq *q, uint32_t i, double text_bytes)
{
	const nx_pq_node *n = &q->nodes[i];
	uint32_t	child = i + 1,
				end = i + n->size;
	double		sel,
				tokens,
				window;

	switch (n->kind)
	{
		case NX_PQ_LEAF:
			return nx_phrase_selectivity(&q->leaves[n->leaf], text_bytes);
		case NX_PQ_NOT:
			return clamp_sel(1.0 - pq_node_selectivity(q, child, text_bytes));
		case NX_PQ_OR:
			sel = 1.0;
			for (; child < end; child += q->nodes[child].size)
				sel *= 1.0 - pq_node_selectivity(q, child, text_bytes);
			return clamp_sel(1.0 - sel);
		case NX_PQ_NEAR:
		case NX_PQ_BEFORE:

			/*
			 * Occurrences per text of each side (Poisson: share s means -ln(1 - s)); pairs
			 * within reach are that product times the places in reach (n, or 2n for NEAR)
			 * over the text's tokens
			 */
			tokens = text_bytes / NX_SEL_BYTES_PER_TOKEN;
			window = (double) n->dist * (n->kind == NX_PQ_NEAR ? 2.0 : 1.0);
			sel = window / (tokens > 1.0 ? tokens : 1.0);
			for (; child < end; child += q->nodes[child].size)
				sel *= -log1p(-fmin(pq_node_selectivity(q, child, text_bytes), NX_SEL_MAX_SHARE));
			return clamp_sel(-expm1(-sel));
		default:				/* NX_PQ_AND */
			sel = 1.0;
			for (; child < end; child += q->nodes[child].size)
				sel *= pq_node_selectivity(q, child, text_bytes);
			return clamp_sel(sel);
	}
}

double
nx_pq_selectivity(const nx_pq *q, double text_bytes)
{
	if (q->nnodes == 0)
		return NX_SEL_MIN;
	return pq_node_selectivity(q, 0, text_bytes);
}
