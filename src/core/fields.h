/*
 * fields.h - the columns of parsed_article, declared once (plain C99).
 *
 * Each field has a name, a type and a getter over one nx_analysis. The composite that
 * parse_article returns, the JSON of parse_article_json and of the CLI (article_json.h),
 * the CLI's field list and the fuzz targets all walk this table, and parse_article checks
 * the SQL type against it. Adding a column: one line in nx_fields (fields.c), the same
 * column in src/sql/10_article.sql and an ALTER TYPE in the upgrade script.
 */
#ifndef NX_FIELDS_H
#define NX_FIELDS_H

#include <stddef.h>

#include "analysis.h"
#include "dates.h"

typedef enum nx_field_type
{
	NX_FIELD_TEXT,
	NX_FIELD_DATE,
	NX_FIELD_INT,
	NX_FIELD_TEXT_ARRAY
} nx_field_type;

typedef struct nx_field_value
{
	int			isnull;
	const char *text;			/* NX_FIELD_TEXT */
	nx_date		date;			/* NX_FIELD_DATE */
	int			number;			/* NX_FIELD_INT */
	const char *const *items;	/* NX_FIELD_TEXT_ARRAY (never NULL when not isnull) */
	size_t		nitems;
} nx_field_value;

typedef struct nx_field
{
	const char *name;			/* column name and JSON key */
	nx_field_type type;
	/* fills *v; returns NX_OK, or the analysis' failure (NX_ENOMEM, NX_EINTR) */
	int			(*get) (nx_analysis *an, nx_field_value *v);
} nx_field;

extern const nx_field nx_fields[];
extern const int nx_nfields;

/* "text", "date", "integer", "text[]": the SQL type a field's column must have */
const char *nx_field_type_sql(nx_field_type t);

#endif
