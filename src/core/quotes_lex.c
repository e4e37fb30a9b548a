/*
 * quotes_lex.c - the quote finder's word tables and quotation marks.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "quotes_int.h"
#include "nx_text.h"
#include "wordset.h"

/*
 * Verbs that attribute speech or writing, in the finite forms news uses (present and past:
 * "says", "said"); their -ing forms are in speech_participles. One table, so a verb added
 * here works in every position (after the quote, before it, in reported speech).
 */
static const char *const speech_verbs[] = {
	"according", "acknowledge", "acknowledged", "acknowledges", "add", "added", "adds",
	"admit", "admits", "admitted", "advise", "advised", "advises", "agree", "agreed", "agrees",
	"allege", "alleged", "alleges", "announce", "announced", "announces", "answered",
	"answers", "argue", "argued", "argues", "ask", "asked", "asks", "assert", "asserted",
	"asserts", "boasted", "boasts", "cautioned", "cautions", "chanted", "chants", "claimed",
	"claims", "commented", "comments", "complain", "complained", "complains", "concede",
	"conceded", "concedes", "conclude", "concluded", "concludes", "confirm", "confirmed",
	"confirms", "contend", "contended", "contends", "continue", "continued", "continues",
	"countered", "counters", "cried", "cries", "declare", "declared", "declares", "denied",
	"denies", "deny", "detailed", "emphasise", "emphasised", "emphasises", "emphasize",
	"emphasized", "emphasizes", "exclaim", "exclaimed", "exclaims", "explain", "explained",
	"explains", "highlighted", "highlights", "insist", "insisted", "insists", "joked", "jokes",
	"lament", "lamented", "laments", "laughed", "laughs", "maintain", "maintained",
	"maintains", "mentioned", "mentions", "mused", "muses", "narrate", "narrated", "narrates",
	"note", "noted", "notes", "observe", "observed", "observes", "pledged", "pledges",
	"posted", "predict", "predicted", "predicts", "promised", "promises", "quip", "quipped",
	"quips", "recall", "recalled", "recalls", "recommend", "recommended", "recommends",
	"recount", "recounted", "recounts", "reflect", "reflected", "reflects", "reiterate",
	"reiterated", "reiterates", "remarked", "remarks", "replied", "replies", "reported",
	"respond", "responded", "responds", "retort", "retorted", "retorts", "reveal", "revealed",
	"reveals", "said", "say", "says", "screamed", "screams", "shared", "shares", "shouted",
	"shouts", "sighed", "sighs", "stated", "states", "stressed", "stresses", "suggest",
	"suggested", "suggests", "summarise", "summarised", "summarises", "summarize",
	"summarized", "summarizes", "tell", "tells", "testified", "testifies", "testify", "told",
	"tweeted", "tweets", "underline", "underlined", "underlines", "urge", "urged", "urges",
	"vowed", "vows", "warn", "warned", "warns", "whispered", "whispers", "write", "writes",
	"wrote", "yelled", "yells", NULL
};

static const char *const speech_participles[] = {
	"acknowledging", "adding", "admitting", "advising", "alleging", "announcing", "answering",
	"arguing", "asking", "asserting", "boasting", "cautioning", "claiming", "commenting",
	"complaining", "conceding", "concluding", "confirming", "contending", "continuing",
	"countering", "declaring", "denying", "emphasising", "emphasizing", "exclaiming",
	"explaining", "expounding", "highlighting", "insisting", "joking", "lamenting",
	"maintaining", "mentioning", "noting", "observing", "pleading", "pledging", "posting",
	"predicting", "promising", "quipping", "recalling", "recounting", "reflecting",
	"reiterating", "remarking", "replying", "responding", "retorting", "revealing", "saying",
	"sharing", "shouting", "stating", "stressing", "suggesting", "telling", "testifying",
	"tweeting", "underlining", "urging", "vowing", "warning", "whispering", "writing", NULL
};

static const char *const aux_words[] = {
	"again", "also", "always", "earlier", "even", "eventually", "finally", "further", "had",
	"has", "have", "just", "later", "never", "now", "often", "once", "only", "previously",
	"quickly", "recently", "simply", "still", "subsequently", "then", "will", "would", NULL
};

static const char *const clause_stop[] = {
	"after", "although", "and", "as", "because", "before", "but", "if", "since", "so", "than",
	"that", "though", "until", "when", "where", "whether", "which", "while", "who", NULL
};

/* words that open a clause of the writer's after a quote ("..." in Gaza, as Israel ...) */
static const char *const subordinators[] = {
	"after", "although", "as", "because", "before", "but", "if", "since", "so", "than", "that",
	"though", "until", "when", "where", "whereas", "whether", "while", NULL
};

static const char *const pronouns[] = {
	"he", "she", NULL
};
/* words that tell a person's gender: a title before the name, he/she after it */
static const char *const he_words[] = {
	"he", "lord", "mr", "mr.", "sir", NULL
};
static const char *const she_words[] = {
	"dame", "lady", "miss", "mrs", "mrs.", "ms", "ms.", "she", NULL
};

/* titles the tagger may leave on a name ("Adv Smith"): a surname after one is a person */
static const char *const titles[] = {
	"adv", "adv.", "advocate", "capt", "capt.", "captain", "chief", "cllr", "coach", "col",
	"col.", "colonel", "councillor", "dame", "doctor", "dr", "dr.", "gen", "gen.", "general",
	"gov.", "governor", "hon", "honourable", "insp", "inspector", "judge", "justice", "lady",
	"lieutenant", "lord", "mayor", "minister", "miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
	"president", "prof", "prof.", "professor", "rep.", "rev", "rev.", "reverend", "sen.",
	"senator", "sergeant", "sgt", "sgt.", "sir", "superintendent", "supt", NULL
};

static const char *const np_start[] = {
	"a", "an", "analysts", "another", "critics", "economists", "experts", "her", "his", "its",
	"many", "officials", "one", "police", "researchers", "residents", "scientists", "several",
	"some", "sources", "the", "their", "three", "two", "witnesses", NULL
};

static const char *const after_stop[] = {
	"about", "adding", "after", "and", "as", "at", "before", "but", "citing", "during",
	"earlier", "from", "in", "last", "of", "on", "referring", "speaking", "that", "this", "to",
	"today", "told", "when", "which", "while", "who", "with", "yesterday", NULL
};

static const char *const prepositions[] = {
	"about", "against", "at", "by", "during", "for", "from", "in", "inside", "into", "near",
	"of", "on", "over", "to", "under", "with", "within", NULL
};

/* head nouns of a role phrase that name an organisation, not a person ("the department") */
static const char *const documents[] = {
	"report", "statement", "study", "analysis", "survey", "findings", "ruling", "filing", "letter",
	"memo", "complaint", "communique", "release", "website", NULL
};

static const char *const institutions[] = {
	"agency", "army", "association", "authority", "bank", "board", "broadcaster", "campaign",
	"channel", "city", "club", "commission", "committee", "company", "council", "court",
	"department", "embassy", "federation", "firm", "force", "foundation", "government",
	"group", "hospital", "institute", "military", "ministry", "municipality", "network",
	"newspaper", "office", "organisation", "organization", "party", "police", "province",
	"report", "school", "service", "state", "statement", "team", "union", "university", NULL
};

/* verbs of the list that also take "to" and an infinitive ("continues to grow") */
static const char *const to_verbs[] = {
	"advise", "advised", "advises", "agree", "agreed", "agrees", "ask", "asked", "asks",
	"begin", "claimed", "claims", "continue", "continued", "continues", "pledged", "pledges",
	"promised", "promises", "urge", "urged", "urges", "vowed", "vows", NULL
};

/* auxiliaries and modals: a quote holding one is a clause, not a term */
static const char *const finite[] = {
	"'d", "'ll", "'m", "'re", "'ve", "am", "are", "can", "could", "did", "do", "does", "had",
	"has", "have", "is", "may", "might", "must", "n't", "n’t", "should", "was", "were", "will",
	"would", "’d", "’ll", "’m", "’re", "’ve", NULL
};

static const char *const passive[] = {
	"are", "be", "been", "being", "get", "got", "is", "was", "were", NULL
};

/* a table and its number of words (the NULL that ends it not counted) */
typedef struct qword_table
{
	const char *const *words;
	size_t		n;
} qword_table;

#define QTABLE(a) {a, sizeof(a) / sizeof((a)[0]) - 1}

static const qword_table tables[] = {
	[QW_SPEECH_VERB] = QTABLE(speech_verbs),
	[QW_SPEECH_PARTICIPLE] = QTABLE(speech_participles),
	[QW_AUX] = QTABLE(aux_words),
	[QW_CLAUSE_STOP] = QTABLE(clause_stop),
	[QW_PRONOUN] = QTABLE(pronouns),
	[QW_HE] = QTABLE(he_words),
	[QW_SHE] = QTABLE(she_words),
	[QW_TITLE] = QTABLE(titles),
	[QW_NP_START] = QTABLE(np_start),
	[QW_AFTER_STOP] = QTABLE(after_stop),
	[QW_PASSIVE] = QTABLE(passive),
	[QW_FINITE] = QTABLE(finite),
	[QW_TO_VERB] = QTABLE(to_verbs),
	[QW_PREPOSITION] = QTABLE(prepositions),
	[QW_SUBORDINATOR] = QTABLE(subordinators),
	[QW_INSTITUTION] = QTABLE(institutions),
	[QW_DOCUMENT] = QTABLE(documents),
};

/* every word of every table, with the tables that hold it: a token costs one lookup */
static nx_wordset lex;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void
lex_build(void)
{
	for (unsigned l = 0; l < QW_NTABLES; l++)
		nx_wordset_add(&lex, tables[l].words, l);
}

/* the tables (bit l: tables[l]) that hold s[0..n), ASCII case folded */
static uint32_t
qword_tables(const char *s, size_t n)
{
	pthread_once(&lex_once, lex_build);
	return nx_wordset_lists(&lex, s, n);
}

int
qword_is(const char *s, size_t n, enum qword list)
{
	return (qword_tables(s, n) >> list) & 1;
}

int
qword_tables_check(void)
{
	pthread_once(&lex_once, lex_build);
	if (lex.invalid)
		return 0;
	for (size_t l = 0; l < QW_NTABLES; l++)
		for (size_t i = 0; i < tables[l].n; i++)
			if (!qword_is(tables[l].words[i], strlen(tables[l].words[i]), (enum qword) l))
				return 0;
	return 1;
}

/* a token's tables and QW_LEX_KNOWN share a qctx.lex entry */
typedef char qword_bits_fit[QW_NTABLES < 31 ? 1 : -1];

/* the walk asks every token about several tables: its tables are looked up once */
int
qtok_is(const qctx *c, size_t i, enum qword list)
{
	if (!(c->lex[i] & QW_LEX_KNOWN))
		c->lex[i] = QW_LEX_KNOWN | qword_tables(TS(c, i), TL(c, i));
	return (c->lex[i] >> list) & 1;
}

/* a speech verb in lower case (or opening a sentence: "State" in "a State Department
 * official" is a name), not one taking an infinitive */
int
is_speech_verb(const qctx *c, size_t i)
{
	if (!((c->t->tok[i].flags & NX_TF_SENT_START) || !(c->t->tok[i].flags & NX_TF_UPPER_INIT)) ||
		!qtok_is(c, i, QW_SPEECH_VERB))
		return 0;
	/* "continues to grow", "agreed to pay" are not speech */
	return !(i + 1 < c->t->ntok && nx_word_eq_ci(TS(c, i + 1), TL(c, i + 1), "to") &&
			 qtok_is(c, i, QW_TO_VERB));
}

int
is_punct_tok(const qctx *c, size_t i, const char *set)
{
	return TL(c, i) == 1 && strchr(set, TS(c, i)[0]) != NULL;
}

int
is_word_tok(const qctx *c, size_t i)
{
	return (c->t->tok[i].flags & NX_TF_WORD) != 0;
}

/* a clause with a finite verb: an auxiliary anywhere, or a first word like "opens",
 * "missed" (a quoted predicate: said lawmakers "missed the mark") */
int
looks_finite(const qctx *c, size_t c0, size_t c1)
{
	const char *w;
	size_t		n;

	for (size_t k = c0; k < c1; k++)
		if (qtok_is(c, k, QW_FINITE))
			return 1;
	if (c0 >= c1 || !is_word_tok(c, c0) || (c->t->tok[c0].flags & NX_TF_UPPER_INIT))
		return 0;
	w = TS(c, c0);
	n = TL(c, c0);
	return n > 3 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 1] == 's' && w[n - 2] != 's'));
}

/*
 * 0 none, 1 opening mark, 2 closing mark, 3 straight double (either);
 * single marks: 4 opening single (‘ or '), 5 closing single (’ or '), 6 straight single.
 */
int
quote_mark(const qctx *c, size_t i)
{
	const unsigned char *s = (const unsigned char *) TS(c, i);
	size_t		n = TL(c, i);

	if (n == 1 && s[0] == '"')
		return 3;
	if (n == 1 && s[0] == '\'')
		return 6;
	if (n == 3 && s[0] == 0xE2 && s[1] == 0x80)
	{
		if (s[2] == 0x9C || s[2] == 0x9E)
			return 1;			/* “ „ */
		if (s[2] == 0x9D)
			return 2;			/* ” */
		if (s[2] == 0x98)
			return 4;			/* ‘ */
		if (s[2] == 0x99)
			return 5;			/* ’ */
	}
	if (n == 2 && s[0] == 0xC2 && s[1] == 0xAB)
		return 1;				/* « */
	if (n == 2 && s[0] == 0xC2 && s[1] == 0xBB)
		return 2;				/* » */
	return 0;
}

static int
space_or_edge(const qctx *c, uint32_t byte, int before)
{
	unsigned char ch;

	if (before && byte == 0)
		return 1;
	if (!before && byte >= c->text_end)
		return 1;
	ch = (unsigned char) c->text[before ? byte - 1 : byte];
	return nx_is_space(ch) || (before && strchr("([", ch)) ||
		(!before && strchr(",.;:!?)", ch)) || ch == 0xE2;	/* a dash or typographic mark */
}

/*
 * A single mark opens a quote only where an apostrophe cannot be: after a space or a
 * paragraph start and before a word; it closes one only before a space or punctuation and
 * right after sentence punctuation, or before punctuation that ends a clause. So "'s",
 * "don't", "the girls' books" and "rock 'n' roll" never pair as quotes.
 */
static int
single_opens(const qctx *c, size_t i)
{
	int			mk = quote_mark(c, i);

	return (mk == 4 || mk == 6) && i + 1 < c->t->ntok && is_word_tok(c, i + 1) &&
		c->t->tok[i + 1].start == c->t->tok[i].end && space_or_edge(c, c->t->tok[i].start, 1);
}

static int
single_closes(const qctx *c, size_t i)
{
	int			mk = quote_mark(c, i);
	uint32_t	e = c->t->tok[i].end;

	if (!(mk == 5 || mk == 6) || i == 0 || c->t->tok[i - 1].end != c->t->tok[i].start)
		return 0;
	if (!space_or_edge(c, e, 0))
		return 0;
	return is_punct_tok(c, i - 1, ".,!?") ||
		(e < c->text_end && strchr(",.;:!?", c->text[e]) != NULL);
}

static int
boundary(const qctx *c, size_t i)
{
	return (c->t->tok[i].flags & NX_TF_LINE_START) != 0;
}

/* pairs the quotation marks within paragraphs: opening token qo, closing token (or the
 * paragraph's end) qc; double marks first, single marks only outside them; returns how
 * many, or -1 when interrupted */
long
pair_marks(const qctx *c, uint32_t *qo, uint32_t *qc, uint8_t *closed, const nx_allocator *a)
{
	size_t		nq = 0;
	long		open = -1;
	int			single = 0;		/* the open quote is a single-mark one */

	for (size_t i = 0; i <= c->t->ntok; i++)
	{
		int			mk;

		if ((i & 1023) == 1023 && nx_interrupted(a))
			return -1;
		if (open >= 0 && (i == c->t->ntok || boundary(c, i)))
		{
			/* an unclosed double quote runs to the paragraph's end; a single one is dropped */
			if (!single && i > (size_t) open + 1)
			{
				qo[nq] = (uint32_t) open;
				qc[nq] = (uint32_t) i;
				closed[nq] = 0;
				nq++;
			}
			open = -1;
		}
		if (i == c->t->ntok)
			break;
		mk = quote_mark(c, i);
		if (mk == 0)
			continue;
		if ((open < 0 || single) && (mk == 1 || mk == 3))
		{
			/* a double mark overrides a pending single one (an apostrophe: '90s) */
			open = (long) i;
			single = 0;
		}
		else if (open < 0 && single_opens(c, i))
		{
			open = (long) i;
			single = 1;
		}
		else if (open >= 0 && ((!single && (mk == 2 || mk == 3)) || (single && single_closes(c, i))))
		{
			if (i > (size_t) open + 1)
			{
				qo[nq] = (uint32_t) open;
				qc[nq] = (uint32_t) i;
				closed[nq] = 1;
				nq++;
			}
			open = -1;
		}
	}
	return (long) nq;
}
