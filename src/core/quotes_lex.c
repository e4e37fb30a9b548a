/*
 * quotes_lex.c - the quote finder's word tables and quotation marks.
 */
#include <string.h>

#include "quotes_int.h"
#include "nx_text.h"

/*
 * Verbs that attribute speech or writing, in the finite forms news uses (present and past:
 * "says", "said"); their -ing forms are in speech_participles. One table, so a verb added
 * here works in every position (after the quote, before it, in reported speech).
 */
static const char *const speech_verbs[] = {
	"say", "says", "said", "tell", "tells", "told", "add", "adds", "added",
	"note", "notes", "noted", "explain", "explains", "explained", "write", "writes", "wrote",
	"tweets", "tweeted", "posted", "comments", "commented",
	"emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized",
	"stresses", "stressed", "warn", "warns", "warned", "ask", "asks", "asked",
	"insist", "insists", "insisted", "declare", "declares", "declared", "announce",
	"announces", "announced", "replies", "replied", "continue", "continues",
	"continued", "argue", "argues", "argued", "claims", "claimed", "states", "stated", "remarks", "remarked", "urge", "urges", "urged", "admit",
	"admits", "admitted", "concede", "concedes", "conceded", "acknowledge", "acknowledges",
	"acknowledged", "recall", "recalls", "recalled", "suggest", "suggests", "suggested",
	"cautions", "cautioned", "predict", "predicts", "predicted", "conclude",
	"concludes", "concluded", "complain", "complains", "complained", "respond", "responds",
	"responded", "confirm", "confirms", "confirmed", "deny", "denies", "denied", "agree",
	"agrees", "agreed", "shouts", "shouted", "whispers", "whispered",
	"testify", "testifies", "testified", "jokes", "joked", "boasts",
	"boasted", "vows", "vowed", "pledges", "pledged", "promises",
	"promised", "observe", "observes", "observed", "counters", "countered",
	"retort", "retorts", "retorted", "reflect", "reflects", "reflected", "shares",
	"shared", "assert", "asserts", "asserted", "summarise", "summarises", "summarised",
	"summarize", "summarizes", "summarized", "chants", "chanted", "detailed", "quip", "quips", "quipped", "answers", "answered",
	"exclaim", "exclaims", "exclaimed", "recount", "recounts", "recounted", "narrate",
	"narrates", "narrated", "reveal", "reveals", "revealed", "mentions",
	"mentioned", "maintain", "maintains", "maintained", "contend", "contends", "contended",
	"allege", "alleges", "alleged", "lament", "laments", "lamented", "sighs",
	"sighed", "laughs", "laughed", "cries", "cried", "screams",
	"screamed", "yells", "yelled", "muses", "mused", "underline",
	"underlines", "underlined", "highlights", "highlighted", "reiterate",
	"reiterates", "reiterated", "reported", "advise",
	"advises", "advised", "recommend", "recommends", "recommended", "according",
	NULL
};

static const char *const speech_participles[] = {
	"saying", "telling", "adding", "noting", "explaining", "writing", "tweeting", "posting",
	"commenting", "emphasising", "emphasizing", "stressing", "warning", "asking", "insisting",
	"declaring", "announcing", "replying", "continuing", "arguing", "claiming", "stating",
	"remarking", "urging", "admitting", "conceding", "acknowledging", "recalling",
	"suggesting", "cautioning", "predicting", "concluding", "complaining", "responding",
	"confirming", "denying", "shouting", "whispering", "testifying", "joking", "boasting",
	"vowing", "pledging", "promising", "observing", "countering", "retorting", "reflecting",
	"sharing", "asserting", "exclaiming", "recounting", "revealing", "mentioning",
	"maintaining", "contending", "alleging", "lamenting", "quipping", "answering",
	"highlighting", "underlining", "reiterating", "advising", "expounding", "pleading",
	NULL
};

static const char *const aux_words[] = {
	"has", "had", "have", "also", "then", "later", "again", "once", "previously", "earlier",
	"would", "will", "further", "only", "simply", "just", "now", "still", "even", "often",
	"always", "never", "recently", "subsequently", "quickly", "finally", "eventually", NULL
};

static const char *const clause_stop[] = {
	"and", "but", "while", "as", "because", "so", "when", "where", "which", "who", "after",
	"before", "though", "although", "that", "if", "whether", "than", "since", "until", NULL
};

/* words that open a clause of the writer's after a quote ("..." in Gaza, as Israel ...) */
static const char *const subordinators[] = {
	"but", "while", "as", "because", "so", "when", "where", "after", "before", "though",
	"although", "that", "if", "whether", "than", "since", "until", "whereas", NULL
};

static const char *const pronouns[] = {"he", "she", NULL};
/* words that tell a person's gender: a title before the name, he/she after it */
static const char *const he_words[] = {"he", "mr", "mr.", "sir", "lord", NULL};
static const char *const she_words[] = {
	"she", "ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", NULL
};

/* titles the tagger may leave on a name ("Adv Smith"): a surname after one is a person */
static const char *const titles[] = {
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "adv",
	"adv.", "rev", "rev.", "sir", "dame", "lady", "lord", "gen", "gen.", "col", "col.", "capt",
	"capt.", "sgt", "sgt.", "insp", "supt", "cllr", "hon", "judge", "justice", "chief",
	"president", "minister", "senator", "sen.", "rep.", "gov.", "governor", "mayor", "coach",
	"advocate", "doctor", "professor", "reverend", "general", "colonel", "captain", "sergeant",
	"inspector", "superintendent", "councillor", "honourable", "lieutenant", NULL
};

static const char *const np_start[] = {
	"a", "an", "the", "one", "another", "his", "her", "their", "its", "two", "three",
	"several", "some", "many", "officials", "sources", "analysts", "experts", "witnesses",
	"residents", "police", "critics", "researchers", "scientists", "economists", NULL
};

static const char *const after_stop[] = {
	"on", "in", "at", "after", "before", "while", "when", "during", "adding", "that", "to",
	"of", "from", "last", "this", "told", "who", "which", "as", "and", "but", "about", "with",
	"speaking", "referring", "citing", "in", "earlier", "yesterday", "today", NULL
};

static const char *const prepositions[] = {
	"in", "on", "at", "of", "from", "for", "with", "by", "to", "over", "about", "inside",
	"during", "into", "under", "against", "near", "within", NULL
};

/* head nouns of a role phrase that name an organisation, not a person ("the department") */
static const char *const institutions[] = {
	"department", "ministry", "company", "government", "police", "agency", "council",
	"court", "committee", "office", "service", "club", "team", "group", "party",
	"university", "organisation", "organization", "board", "commission", "union", "firm",
	"bank", "statement", "report", "authority", "municipality", "province", "state",
	"city", "school", "hospital", "embassy", "army", "military", "force", "campaign",
	"association", "federation", "institute", "foundation", "network", "channel",
	"newspaper", "broadcaster", NULL
};

/* verbs of the list that also take "to" and an infinitive ("continues to grow") */
static const char *const to_verbs[] = {
	"continue", "continues", "continued", "agree", "agrees", "agreed", "promises", "promised",
	"vows", "vowed", "pledges", "pledged", "claims", "claimed", "ask", "asks", "asked",
	"urge", "urges", "urged", "advise", "advises", "advised", "begin", NULL
};

/* auxiliaries and modals: a quote holding one is a clause, not a term */
static const char *const finite[] = {
	"is", "was", "are", "were", "am", "has", "have", "had", "will", "would", "can", "could",
	"should", "may", "might", "must", "do", "does", "did", "'m", "'re", "'ve", "'ll", "'d",
	"’m", "’re", "’ve", "’ll", "’d", "n't", "n’t", NULL
};

static const char *const passive[] = {
	"was", "were", "is", "are", "been", "being", "be", "get", "got", NULL
};

static const char *const *const tables[] = {
	[QW_SPEECH_VERB] = speech_verbs,
	[QW_SPEECH_PARTICIPLE] = speech_participles,
	[QW_AUX] = aux_words,
	[QW_CLAUSE_STOP] = clause_stop,
	[QW_PRONOUN] = pronouns,
	[QW_HE] = he_words,
	[QW_SHE] = she_words,
	[QW_TITLE] = titles,
	[QW_NP_START] = np_start,
	[QW_AFTER_STOP] = after_stop,
	[QW_PASSIVE] = passive,
	[QW_FINITE] = finite,
	[QW_TO_VERB] = to_verbs,
	[QW_PREPOSITION] = prepositions,
	[QW_SUBORDINATOR] = subordinators,
	[QW_INSTITUTION] = institutions,
};

int
qword_is(const char *s, size_t n, enum qword list)
{
	const char *const *words = tables[list];

	for (int i = 0; words[i]; i++)
		if (nx_word_eq_ci(s, n, words[i]))
			return 1;
	return 0;
}

int
qtok_is(const qctx *c, size_t i, enum qword list)
{
	return qword_is(TS(c, i), TL(c, i), list);
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
