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

static void
test_odd_inputs(void **state)
{
	const char *inputs[] = {"", "\"", "\"\"\"\"", "\xe2\x80\x9c", "\" said", "said \"", "\"a\" \"b\" \"c\" said \"d\""};

	(void) state;
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
	{
		result		r = run(inputs[i], strlen(inputs[i]));

		for (size_t k = 0; k < r.q.nquotes; k++)
			assert_true(r.q.quotes[k].end <= strlen(inputs[i]));
		done(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_quotes),
		cmocka_unit_test(test_attribution_forms),
		cmocka_unit_test(test_odd_inputs),
	};

	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
