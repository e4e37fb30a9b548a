/*
 * replay_main.c - runs a fuzz target's LLVMFuzzerTestOneInput once per file named on the
 * command line, without libFuzzer or sanitizers: for valgrind (scripts/valgrind.sh), which
 * sees uninitialised reads that ASan and UBSan do not.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int			i,
				skipped = 0;

	for (i = 1; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "rb");
		long		n;
		uint8_t    *buf;

		/* a running fuzzer may have reduced the file away: skip it */
		if (f == NULL && errno == ENOENT)
		{
			skipped++;
			continue;
		}
		if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		{
			perror(argv[i]);
			return 2;
		}
		buf = malloc((size_t) n + 1);
		if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
		{
			perror(argv[i]);
			return 2;
		}
		fclose(f);
		LLVMFuzzerTestOneInput(buf, (size_t) n);
		free(buf);
	}
	printf("replayed %d inputs\n", argc - 1 - skipped);
	return 0;
}
