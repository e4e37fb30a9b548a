/*
 * fuzz_entities.c - the entity tagger, canonical names and quotes on any bytes.
 *
 * Loads model/newsext_ner.bin (run from the repository root, as run.sh does). Checks:
 * mentions lie inside the text, in order, each pointing at an entity of the same kind;
 * entities have names, at least one mention, and a first mention that is theirs; quotes
 * lie inside the text and have a speaker.
 */
#include <stdlib.h>

#include "fuzz_common.h"
#include "ner.h"
#include "quotes.h"

static nx_ner_model model;
static int	model_ready;

static void
load_model(void)
{
	FILE	   *f = fopen("model/newsext_ner.bin", "rb");
	long		n;
	void	   *buf;
	const char *err = NULL;

	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0);
	/* posix_memalign, not C11's aligned_alloc: -std=c99 does not declare that, and gcc
	 * then takes it for a function returning int and cuts the pointer to 32 bits */
	FUZZ_CHECK(posix_memalign(&buf, 64, ((size_t) n + 63) / 64 * 64) == 0);
	FUZZ_CHECK(fread(buf, 1, (size_t) n, f) == (size_t) n);
	fclose(f);
	FUZZ_CHECK(nx_ner_model_open(buf, (size_t) n, &model, &err) == 0);
	nx_ner_model_set_cache(&model, malloc(nx_ner_wcache_size()));
	model_ready = 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	nx_entity_list ents;
	nx_quote_list quotes;
	size_t		i;
	uint32_t	last = 0;

	if (!model_ready)
		load_model();
	FUZZ_CHECK(nx_entities_extract(&model, text, size, &nx_malloc_allocator, &ents) == 0);
	for (i = 0; i < ents.nmentions; i++)
	{
		const nx_mention *m = &ents.mentions[i];

		FUZZ_CHECK(m->start >= last && m->start < m->end && m->end <= size);
		FUZZ_CHECK(m->entity < ents.nentities);
		FUZZ_CHECK(ents.entities[m->entity].kind == m->kind);
		last = m->start;
	}
	for (i = 0; i < ents.nentities; i++)
	{
		const nx_entity *e = &ents.entities[i];

		FUZZ_CHECK(e->name != NULL && e->name_len > 0);
		/* a NUL byte (never in a PostgreSQL text) may sit inside a name */
		FUZZ_CHECK(strlen(e->name) == e->name_len || memchr(data, 0, size) != NULL);
		FUZZ_CHECK(e->mentions > 0 && e->first_mention < ents.nmentions);
		FUZZ_CHECK(ents.mentions[e->first_mention].entity == i);
		FUZZ_CHECK(e->kind >= NX_KIND_PERSON && e->kind <= NX_KIND_OTHER);
	}
	FUZZ_CHECK(nx_quotes_extract(text, size, &ents, &nx_malloc_allocator, &quotes) == 0);
	for (i = 0; i < quotes.nquotes; i++)
	{
		FUZZ_CHECK(quotes.quotes[i].start <= quotes.quotes[i].end && quotes.quotes[i].end <= size);
		FUZZ_CHECK(quotes.quotes[i].speaker != NULL && quotes.quotes[i].speaker_len > 0);
	}
	nx_quote_list_free(&quotes, &nx_malloc_allocator);
	nx_entity_list_free(&ents, &nx_malloc_allocator);
	return 0;
}
