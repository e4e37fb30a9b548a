/*
 * ner_model_file.c - the entity tagger's model, memory-mapped once per backend.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "miscadmin.h"
#include "utils/memutils.h"

#include "ner_model_file.h"

#define MODEL_FILE "newsext_ner.bin"

static nx_ner_model ner_model;
static bool ner_model_loaded = false;

const nx_ner_model *
newsext_ner_model(void)
{
	char		sharepath[MAXPGPATH];
	char		path[MAXPGPATH];
	int			fd;
	struct stat st;
	void	   *map;
	const char *err = NULL;

	if (ner_model_loaded)
		return &ner_model;

	get_share_path(my_exec_path, sharepath);
	snprintf(path, sizeof(path), "%s/extension/%s", sharepath, MODEL_FILE);
	/* newsext: trusted read - the model the installation put in its share directory */
	fd = open(path, O_RDONLY | PG_BINARY, 0);	/* newsext: trusted read */
	if (fd < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("newsext entity model \"%s\" is missing: %m", path),
				 errhint("Reinstall newsext: \"make install\" copies model/%s into the extension directory.", MODEL_FILE)));
	if (fstat(fd, &st) < 0 || st.st_size <= 0)
	{
		close(fd);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not read newsext entity model \"%s\"", path),
				 errhint("Reinstall newsext or rebuild the model with \"make model\".")));
	}
	map = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not map newsext entity model \"%s\": %m", path)));
	if (nx_ner_model_open(map, (size_t) st.st_size, &ner_model, &err) < 0)
	{
		munmap(map, (size_t) st.st_size);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("newsext entity model \"%s\" is damaged", path),
				 errdetail("%s", err),
				 errhint("Reinstall newsext or rebuild the model with \"make model\".")));
	}
	/* mapped for the life of the backend; shared read-only pages, never copied */
	/* the word-feature cache lives as long as the backend (nx_ner_wcache_size(): about 1 MB) */
	nx_ner_model_set_cache(&ner_model, MemoryContextAlloc(TopMemoryContext, nx_ner_wcache_size()));
	ner_model_loaded = true;
	return &ner_model;
}
