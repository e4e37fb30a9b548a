/* shared by test_ner.c and test_quotes.c: load model/newsext_ner.bin and test/data/seed.txt */
#ifndef NER_FIXTURE_H
#define NER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_model.h"

static char *
fixture_slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	/* 8-byte aligned, as mmap gives the server */
	buf = aligned_alloc(8, ((size_t) n + 8) & ~(size_t) 7);
	if (buf && fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf)
		buf[n] = 0;
	*len = (size_t) n;
	return buf;
}

static char *fixture_model_buf;
static nx_ner_model fixture_model;

static int
fixture_setup(void **state)
{
	size_t		len;
	const char *err;

	(void) state;
	fixture_model_buf = fixture_slurp("model/newsext_ner.bin", &len);
	if (!fixture_model_buf || nx_ner_model_open(fixture_model_buf, len, &fixture_model, &err) < 0)
	{
		fprintf(stderr, "cannot load model/newsext_ner.bin (run from the repository root)\n");
		return -1;
	}
	return 0;
}

static int
fixture_teardown(void **state)
{
	(void) state;
	free(fixture_model_buf);
	return 0;
}

#endif
