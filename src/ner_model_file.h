/* ner_model_file.h - the entity tagger's model file, for the PostgreSQL layer */
#ifndef NEWSEXT_NER_MODEL_FILE_H
#define NEWSEXT_NER_MODEL_FILE_H

#include "postgres.h"
#include "pg_compat.h"

#include "ner_model.h"

/*
 * The entity model, memory-mapped once per backend from
 * $sharedir/extension/newsext_ner.bin. Raises ERROR (ERRCODE_UNDEFINED_FILE or
 * ERRCODE_CONFIG_FILE_ERROR) when the file is missing or damaged.
 */
extern const nx_ner_model *newsext_ner_model(void);

#endif
