/*
 * quotes_attr.c - where a quote's attribution is, seen from the quote:
 *   after it:   "...," Jane Doe said / "...," said Doe / "...," according to Doe
 *               "...," Dr Jane Doe, the head of the unit, told reporters
 *   before it:  Doe said: "..." / Doe told the court that "..." / Doe said the plan "..."
 *               ..., saying, "..." / According to Doe, "..."
 * and reported speech with no quote ("Doe added that ...", "..., says Doe."), whose
 * speaker a following quoted paragraph inherits.
 */
#include "quotes_int.h"
#include "nx_text.h"

#define MAX_AFTER 24			/* tokens from a closing mark to its speech verb */
#define MAX_INVERTED 8			/* speaker phrase after "said" */
#define MAX_BEFORE_GAP 12		/* words between a speech verb and a quote it introduces */

static int
line_start(const qctx *c, size_t i)
{
	return (c->t->tok[i].flags & NX_TF_LINE_START) != 0;
}

static int
is_speech(const qctx *c, size_t i)
{
	return is_speech_verb(c, i);
}

/* the phrase after an inverted verb: "said Jane Doe", "said the minister, Jane Doe," */
static qspk
speaker_after_verb(qctx *c, size_t v)
{
	size_t		j = v + 1,
				p1;
	qspk		s;

	if (nx_word_eq_ci(TS(c, v), TL(c, v), "according"))
	{
		if (j >= c->t->ntok || !nx_word_eq_ci(TS(c, j), TL(c, j), "to"))
			return QSPK_NONE;
		j++;
	}
	for (p1 = j; p1 < c->t->ntok && p1 < j + MAX_INVERTED && !line_start(c, p1) &&
		 !quote_mark(c, p1) && !is_punct_tok(c, p1, ".,?!;:(") && !qtok_is(c, p1, QW_AFTER_STOP) &&
		 !is_speech(c, p1); p1++)
		;
	if (p1 == j)
		return QSPK_NONE;
	s = resolve_phrase(c, j, p1, 1);
	if (s.ent < 0 && p1 + 1 < c->t->ntok && is_punct_tok(c, p1, ","))
	{
		/* "said the executive director of the union, Jane Doe." */
		size_t		q0 = p1 + 1,
					q1 = q0;
		qspk		named;

		while (q1 < c->t->ntok && q1 < q0 + 4 && !line_start(c, q1) && c->tok_mention[q1] >= 0 &&
			   c->tok_mention[q1] == c->tok_mention[q0])
			q1++;
		named = q1 > q0 ? resolve_phrase(c, q0, q1, 1) : QSPK_NONE;
		if (named.ent >= 0 && (q1 >= c->t->ntok || is_punct_tok(c, q1, ",.;")))
			return named;
	}
	return s;
}

/*
 * Attribution after the closing mark o..e: "...," X said / "...," said X / "...," according
 * to X. A quote that ends with a full stop closed its sentence: what follows is a new one.
 */
qspk
attribute_after(qctx *c, size_t o, size_t e, int closed)
{
	size_t		j = e + 1,
				v;
	qspk		s;

	if (!closed || is_punct_tok(c, e - 1, ".") || j >= c->t->ntok || line_start(c, j))
		return QSPK_NONE;
	while (j < c->t->ntok && !line_start(c, j) && is_punct_tok(c, j, ","))
		j++;
	for (v = j; v < c->t->ntok && v < j + MAX_AFTER; v++)
	{
		if (line_start(c, v) || quote_mark(c, v) || is_punct_tok(c, v, ".?!;:"))
			return QSPK_NONE;
		if (is_speech(c, v))
			break;
	}
	if (v >= c->t->ntok || v == j + MAX_AFTER)
		return QSPK_NONE;
	/* "..." in Gaza, as Israel continues / "Label" in the files, says X: the words after
	 * the quote belong to the writer's sentence, not to an attribution */
	for (size_t k = j; k < v; k++)
		if (qtok_is(c, k, QW_SUBORDINATOR))
			return QSPK_NONE;
	if (v > j && qtok_is(c, j, QW_PREPOSITION) && !looks_finite(c, o + 1, e))
		return QSPK_NONE;
	if (v > j && qtok_is(c, v - 1, QW_PASSIVE))
		return QSPK_NONE;		/* "...?" she was asked */
	if (v == j)
		s = speaker_after_verb(c, v);
	else
		s = subject_before(c, v);	/* X said, appositions allowed */
	if (speaker_is_set(s))
		c->used_verb[v] = 1;
	return s;
}

/* "according to X, "..."": the speaker between "to" and the comma before the quote */
static qspk
according_to(const qctx *c, size_t to, size_t end)
{
	size_t		p1 = to + 1;

	if (to == 0 || !nx_word_eq_ci(TS(c, to), TL(c, to), "to") ||
		!nx_word_eq_ci(TS(c, to - 1), TL(c, to - 1), "according"))
		return QSPK_NONE;
	while (p1 < end && !is_punct_tok(c, p1, ","))
		p1++;
	/* the phrase must reach the quote: "According to X, "..."", not "According to X, he
	 * enrolled in "Title"" */
	return p1 > to + 1 && p1 == end ? resolve_phrase(c, to + 1, p1, 1) : QSPK_NONE;
}

/*
 * Attribution before the opening mark o: X said, "..." / X said: / X told Y that "..." /
 * ..., saying, "..." / According to X, "..." / X said the plan "...". With words between the
 * verb and the quote and no colon, comma or "that" before it, the quote must be a clause
 * with a finite verb (a quoted term or fragment in a reported sentence is not a quote).
 * c1: the end of the quote's content.
 */
static qspk attribute_before_verb(qctx *c, size_t o, size_t c1);

/*
 * "Ms Harlow was blunt: "..."", "Jane Doe put it simply: "..."": a colon and no speech verb
 * before a quote that is a sentence. The speaker is the subject of the sentence before the
 * colon, when it names someone (or a pronoun for someone named before).
 */
static qspk
colon_introduction(const qctx *c, size_t o, size_t c1)
{
	qspk		s;

	if (o < 2 || line_start(c, o) || !is_punct_tok(c, o - 1, ":") || line_start(c, o - 1) ||
		!looks_finite(c, o + 1, c1))
		return QSPK_NONE;
	/* "X was asked: "...?"": the asker's words */
	if (o >= 3 && is_speech(c, o - 2) && qtok_is(c, o - 3, QW_PASSIVE))
		return QSPK_NONE;
	s = sentence_subject(c, o - 1);
	return s.ent >= 0 ? s : QSPK_NONE;
}

qspk
attribute_before(qctx *c, size_t o, size_t c1)
{
	qspk		s = attribute_before_verb(c, o, c1);

	return speaker_is_set(s) ? s : colon_introduction(c, o, c1);
}

static qspk
attribute_before_verb(qctx *c, size_t o, size_t c1)
{
	size_t		k = o,
				m;
	int			separated = 0;
	qspk		s;

	if (o == 0 || line_start(c, o))
		return QSPK_NONE;
	while (k > 0 && !line_start(c, k) &&
		   (is_punct_tok(c, k - 1, ":,") || nx_word_eq_ci(TS(c, k - 1), TL(c, k - 1), "that") ||
			nx_word_eq_ci(TS(c, k - 1), TL(c, k - 1), "only")))
	{
		k--;
		separated = 1;
	}
	if (line_start(c, k) && !separated)
		return QSPK_NONE;
	for (m = k; m > 0 && k - m < MAX_BEFORE_GAP; m--)
	{
		size_t		w = m - 1;

		if (c->in_quote[w] || quote_mark(c, w) || is_punct_tok(c, w, ".?!;:()"))
			return QSPK_NONE;
		if (is_speech(c, w) || qtok_is(c, w, QW_SPEECH_PARTICIPLE))
			break;
		s = according_to(c, w, k);
		if (speaker_is_set(s))
			return s;
		if (line_start(c, w))
			return QSPK_NONE;
	}
	if (m == 0 || k - m >= MAX_BEFORE_GAP)
		return QSPK_NONE;
	m--;						/* the verb */
	if (nx_word_eq_ci(TS(c, m), TL(c, m), "according"))
		return QSPK_NONE;
	if (k > m + 1 && !separated && !looks_finite(c, o + 1, c1))
		return QSPK_NONE;
	if (m > 0 && qtok_is(c, m - 1, QW_PASSIVE))
		return QSPK_NONE;		/* X was asked, "...": not X's words */
	if (qtok_is(c, m, QW_SPEECH_PARTICIPLE))
		s = sentence_subject(c, m);
	else
		s = subject_before(c, m);
	if (speaker_is_set(s))
		c->used_verb[m] = 1;
	return s;
}

/* reported speech at the speech verb or participle v (outside quotes): its named speaker */
qspk
reported_speech(qctx *c, size_t v)
{
	qspk		s;

	if (qtok_is(c, v, QW_SPEECH_PARTICIPLE))
		return sentence_subject(c, v);
	if (nx_word_eq_ci(TS(c, v), TL(c, v), "according"))
		return QSPK_NONE;
	if (v > 0 && is_punct_tok(c, v - 1, ","))
	{
		/* "..., says Doe." */
		s = speaker_after_verb(c, v);
		if (s.ent >= 0)
			return s;
	}
	if (v > 0 && qtok_is(c, v - 1, QW_PASSIVE))
		return QSPK_NONE;
	s = subject_before(c, v);
	return s.ent >= 0 ? s : QSPK_NONE;
}
