/* unit tests for quotes and speakers (src/core/quotes.c) */
#define _ISOC11_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "quotes.h"
#include "quotes_int.h"
#include "ner_fixture.h"

typedef struct
{
	nx_entity_list e;
	nx_quote_list q;
} result;

static result
run(const char *s, size_t len)
{
	result		r;

	assert_int_equal(nx_entities_extract(&fixture_model, s, len, &nx_malloc_allocator, &r.e), 0);
	assert_int_equal(nx_quotes_extract(s, len, &r.e, &nx_malloc_allocator, &r.q), 0);
	return r;
}

static void
done(result *r)
{
	nx_quote_list_free(&r->q, &nx_malloc_allocator);
	nx_entity_list_free(&r->e, &nx_malloc_allocator);
}

static void
test_seed_quotes(void **state)
{
	size_t		len;
	char	   *text = fixture_slurp("test/data/seed.txt", &len);
	result		r;
	/* the follow-on paragraphs ("But our conversations", "To the extent") carry Obama; the
	 * quoted fragments "working around the clock" and "with some scepticism" are not quotes */
	static const char *const starts[] = {"Russians walked back", "It is a very complicated", "You have the Assad regime",
		"Trying to corral", "But our conversations", "Nusra is al-Qaeda", "But it is worth trying", "To the extent"};
	static const char *const speakers[] = {"a senior State Department official", "Barack Obama", "Barack Obama",
		"Barack Obama", "Barack Obama", "John Kerry", "Barack Obama", "Barack Obama"};

	(void) state;
	r = run(text, len);
	assert_int_equal(r.q.nquotes, 8);
	for (size_t i = 0; i < 8; i++)
	{
		assert_memory_equal(text + r.q.quotes[i].start, starts[i], strlen(starts[i]));
		assert_string_equal(r.q.quotes[i].speaker, speakers[i]);
	}
	done(&r);
	free(text);
}

static void
test_attribution_forms(void **state)
{
	const char *s1 = "\xe2\x80\x9cWe will not back down,\xe2\x80\x9d said Prime Minister Theresa May on Tuesday.";
	const char *s2 = "The minister said: \"Taxes will rise.\" Others disagreed.";
	const char *s3 = "Critics called it a \"walk back\" and the rebels \"often outgunned\".";
	const char *s4 = "\"It works,\" he said.";
	result		r;

	(void) state;
	r = run(s1, strlen(s1));
	assert_int_equal(r.q.nquotes, 1);
	assert_string_equal(r.q.quotes[0].speaker, "Theresa May");
	assert_memory_equal(s1 + r.q.quotes[0].start, "We will not back down", r.q.quotes[0].end - r.q.quotes[0].start);
	done(&r);

	r = run(s2, strlen(s2));
	assert_int_equal(r.q.nquotes, 1);
	assert_string_equal(r.q.quotes[0].speaker, "The minister");
	assert_int_equal(r.q.quotes[0].speaker_entity, -1);
	done(&r);

	r = run(s3, strlen(s3));
	assert_int_equal(r.q.nquotes, 0);
	done(&r);

	r = run(s4, strlen(s4));
	assert_int_equal(r.q.nquotes, 0);
	done(&r);
}

/*
 * expect: the quotes of s, in order, as pairs of (start of the quoted text, speaker);
 * n pairs. Sentences written for these tests.
 */
static void
expect_quotes(const char *s, size_t n, const char *const *pairs)
{
	result		r = run(s, strlen(s));

	if (r.q.nquotes != n)
		for (size_t k = 0; k < r.q.nquotes; k++)
			print_message("quote %zu: [%.*s] by %s\n", k, (int) (r.q.quotes[k].end - r.q.quotes[k].start),
						  s + r.q.quotes[k].start, r.q.quotes[k].speaker);
	assert_int_equal(r.q.nquotes, n);
	for (size_t k = 0; k < n; k++)
	{
		assert_true(r.q.quotes[k].end <= strlen(s));
		assert_memory_equal(s + r.q.quotes[k].start, pairs[2 * k], strlen(pairs[2 * k]));
		assert_string_equal(r.q.quotes[k].speaker, pairs[2 * k + 1]);
	}
	done(&r);
}

#define EXPECT(s, ...) do { \
	static const char *const pairs_[] = {__VA_ARGS__}; \
	expect_quotes((s), sizeof(pairs_) / sizeof(pairs_[0]) / 2, pairs_); \
} while (0)
#define EXPECT_NONE(s) expect_quotes((s), 0, NULL)

/* a quoted paragraph with no attribution continues the speaker of the paragraph before;
 * a further quote in the same paragraph continues its speaker */
static void
test_follow_on_and_continued(void **state)
{
	(void) state;
	EXPECT("\"We will rebuild the bridge,\" Tom Baker said on Monday.\n\n"
		   "\"It will take two years and a great deal of money.\"\n",
		   "We will rebuild", "Tom Baker", "It will take", "Tom Baker");
	EXPECT("\"The vote was close,\" said Tom Baker. \"We expected more support from the north.\"",
		   "The vote was close", "Tom Baker", "We expected more", "Tom Baker");
	/* an unclosed quote runs on into the next paragraph, whose attribution covers both */
	EXPECT("Nobody else spoke.\n\n\"The first part of the answer goes here.\n\n"
		   "\"And the second part ends it,\" Tom Baker said.",
		   "The first part", "Tom Baker", "And the second part", "Tom Baker");
	/* reported speech gives the speaker of the quoted paragraph after it */
	EXPECT("Tom Baker said the council had ignored the residents.\n\n"
		   "\"Nobody from the council has ever come to see us.\"",
		   "Nobody from the council", "Tom Baker");
	/* a title opening a paragraph is no follow-on quote */
	EXPECT("\"We are ready,\" Tom Baker said.\n\n\"Green Fields\" is the name of his new book.",
		   "We are ready", "Tom Baker");
}

/* verbs in the present tense and beyond "said"; according to; told X that; participles */
static void
test_attribution_verbs(void **state)
{
	(void) state;
	EXPECT("\"Prices will fall next year,\" Tom Baker notes.", "Prices will fall", "Tom Baker");
	EXPECT("Tom Baker spoke at noon.\n\n\"Prices will fall next year,\" he emphasizes.",
		   "Prices will fall", "Tom Baker");
	EXPECT("\"Prices will fall next year,\" according to Tom Baker.", "Prices will fall", "Tom Baker");
	EXPECT("According to Tom Baker, \"prices will fall next year.\"", "prices will fall", "Tom Baker");
	EXPECT("Tom Baker told the committee on Monday that \"the budget has been cut twice.\"",
		   "the budget has been cut", "Tom Baker");
	EXPECT("Tom Baker told reporters: \"The budget has been cut twice.\"",
		   "The budget has been cut", "Tom Baker");
	EXPECT("Tom Baker rejected the claim, saying, \"We never received the letter.\"",
		   "We never received", "Tom Baker");
	EXPECT("Tom Baker declined to comment further and only said: \"Ask the ministry.\"",
		   "Ask the ministry", "Tom Baker");
	/* "continues to" is no speech */
	EXPECT_NONE("\"The deal is off\" for now, as Tom Baker continues to negotiate.");
	/* asked: the words are the asker's, not the subject's */
	EXPECT_NONE("Tom Baker was asked, \"Will you resign?\"");
	/* a colon with no speech verb before a sentence: the subject of the sentence before it */
	EXPECT("Tom Baker was blunt: \"The budget has been cut twice.\"", "The budget has been cut", "Tom Baker");
	EXPECT("Tom Baker, the port's director, put it simply: \"Nobody is reading the budget.\"", "Nobody is reading", "Tom Baker");
	/* a sign or a title after a colon has no speaker, and a fragment is no quote */
	EXPECT_NONE("The sign on the gate read: \"No entry after dark.\"");
	EXPECT_NONE("Tom Baker has a new slogan: \"cleaner streets\".");
	EXPECT_NONE("Tom Baker was asked: \"Why is the budget so late?\"");
}

/* a quote inside a reported clause counts when it is a clause, not a term */
static void
test_embedded_quotes(void **state)
{
	(void) state;
	EXPECT("Tom Baker said the plan \"was never going to work in winter\" and left.",
		   "was never going to work", "Tom Baker");
	EXPECT_NONE("Tom Baker said the so-called \"reform plan\" had failed.");
	EXPECT_NONE("Critics called it a \"walk back\" and the rebels \"often outgunned\".");
}

/* single quotation marks, never apostrophes */
static void
test_single_quotes(void **state)
{
	(void) state;
	EXPECT("'We are ready for the final,' Tom Baker said.", "We are ready", "Tom Baker");
	EXPECT("\xe2\x80\x98We are ready for the final,\xe2\x80\x99 Tom Baker said.", "We are ready", "Tom Baker");
	EXPECT_NONE("Tom Baker's players said the coaches' bags and rock 'n' roll were fine.");
	EXPECT_NONE("Tom Baker said he didn't know the girls' names.");
}

/* pronouns, surnames, role phrases and appositions name the person in full */
static void
test_speaker_names(void **state)
{
	(void) state;
	EXPECT("Tom Baker opened the meeting.\n\n\"It works,\" Baker said.", "It works", "Tom Baker");
	EXPECT("Tom Baker won the race on Sunday.\n\n\"It was hard,\" the 36-year-old said.",
		   "It was hard", "Tom Baker");
	/* a person other than the last one named, by gender (a pronoun opening the sentence
	 * after the name's) */
	EXPECT("Anna Berg waited for hours. She was tired. Tom Baker arrived late. He apologised.\n\n"
		   "\"We need more trains,\" she said.",
		   "We need more trains", "Anna Berg");
	EXPECT("Another official, Tom Baker, said: \"The roads are closed.\"", "The roads are closed", "Tom Baker");
	EXPECT("\"The roads are closed,\" the head of transport, Tom Baker, told reporters.",
		   "The roads are closed", "Tom Baker");
	EXPECT("Tom Baker, 42, a teacher from Leeds, said: \"The roads are closed.\"",
		   "The roads are closed", "Tom Baker");
	EXPECT("Tom Baker, who led the inquiry, said: \"The roads are closed.\"",
		   "The roads are closed", "Tom Baker");
	/* "from <place>, <region>, said": the region goes with the place, never the subject (the
	 * tagger reads this region as a person) */
	EXPECT("Hundreds marched on Saturday.\n\nFellow marcher, retired welder Tom Baker, 60, from Brackwell, "
		   "North Harrowby, said: \"I spent my working life at the docks and watched them close.\"",
		   "I spent my working life", "Tom Baker");
	/* a possessor is not the speaker */
	EXPECT("\"The roads are closed,\" Tom Baker's lawyer said.", "The roads are closed", "Tom Baker's lawyer");
	/* a role phrase stays when the article names nobody */
	EXPECT("\"The roads are closed,\" a senior official said.", "The roads are closed", "a senior official");
	/* "Adv Smith" among two Smiths: the one introduced with the title, here left outside the
	 * name by the tagger ("Advocate Thabo Ramaili" is the mention "Thabo Ramaili") */
	EXPECT("Advocate Thabo Ramaili grew up in a small village near the capital. His mother, Lerato "
		   "Ramaili, was a teacher there for thirty years.\n\n"
		   "\"The law must serve the people, not the powerful,\" Adv Ramaili says.",
		   "The law must serve the people", "Thabo Ramaili");
	/* an organisation after "the" or before "'s report" speaks under its name, an acronym
	 * defined in parentheses under the name it stands for */
	EXPECT("A study by the Baltic Institute for Marine Safety (BIMS) found that the ferry turned too early.\n\n"
		   "\"The pilot had no clear view of the channel markers,\" BIMS's report said.",
		   "The pilot had no clear view", "Baltic Institute for Marine Safety");
	EXPECT("The Port Authority of Gdansk (PAG) rejected the findings. Asked about the delay, the PAG said: "
		   "\"We reviewed every log within a week.\"", "We reviewed every log", "Port Authority of Gdansk");
	/* "the department" before any organisation spoke: the one last named with that word */
	EXPECT("Crews from the Harbour Department of Fire and Rescue fought the blaze overnight.\n\n"
		   "\"The wind turned twice before dawn,\" the department said.",
		   "The wind turned twice", "Harbour Department of Fire and Rescue");
	/* a name's own word-initial apostrophe (Sesotho) is part of it */
	EXPECT("Mine dust\n\n\xE2\x80\x99Mathabo Ramaili farms near the pit.\n\n\"We breathe dust every day and nobody "
		   "listens,\" Ramaili said.", "We breathe dust every day", "\xE2\x80\x99Mathabo Ramaili");
}

static void
test_odd_inputs(void **state)
{
	const char *inputs[] = {"", "\"", "\"\"\"\"", "\xe2\x80\x9c", "\" said", "said \"", "\"a\" \"b\" \"c\" said \"d\"",
		"'", "' '", "said '", "\xe2\x80\x98", "(\" said )", "\"a\n\n\"b\n\n\"", "he said:\n\n\"x y z.\""};

	(void) state;
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
	{
		result		r = run(inputs[i], strlen(inputs[i]));

		for (size_t k = 0; k < r.q.nquotes; k++)
			assert_true(r.q.quotes[k].end <= strlen(inputs[i]));
		done(&r);
	}
}

/* the word tables: every word found in its own table, matched whole, case folded */
static void
test_word_tables(void **state)
{
	(void) state;
	assert_true(qword_tables_check());
	assert_true(qword_is("said", 4, QW_SPEECH_VERB));
	assert_true(qword_is("SAID", 4, QW_SPEECH_VERB));
	assert_true(qword_is("Tweeted", 7, QW_SPEECH_VERB));
	assert_false(qword_is("sai", 3, QW_SPEECH_VERB));
	assert_false(qword_is("saidx", 5, QW_SPEECH_VERB));
	assert_false(qword_is("", 0, QW_SPEECH_VERB));
	assert_true(qword_is("according", 9, QW_SPEECH_VERB));
	assert_true(qword_is("\xe2\x80\x99re", 5, QW_FINITE));
	assert_true(qword_is("Mrs.", 4, QW_SHE));
	assert_false(qword_is("Mrs", 3, QW_HE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_quotes),
		cmocka_unit_test(test_attribution_forms),
		cmocka_unit_test(test_follow_on_and_continued),
		cmocka_unit_test(test_attribution_verbs),
		cmocka_unit_test(test_embedded_quotes),
		cmocka_unit_test(test_single_quotes),
		cmocka_unit_test(test_speaker_names),
		cmocka_unit_test(test_odd_inputs),
		cmocka_unit_test(test_word_tables),
	};

	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
