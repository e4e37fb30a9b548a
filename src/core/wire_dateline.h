/*
 * wire_dateline.h - agency datelines in other scripts at the start of a lead (Japanese,
 * Chinese, Korean, Russian), as spans of the text.
 */
#ifndef NX_WIRE_DATELINE_H
#define NX_WIRE_DATELINE_H

#include <stddef.h>

#include "dates.h"

typedef struct nx_wire_dateline
{
	const char *place;			/* "北京", "서울", "МОСКВА"; NULL when the agency stands alone */
	size_t		place_n;
	const char *reporter;		/* the reporter printed in the dateline (Japanese, Korean), or NULL */
	size_t		reporter_n;
	nx_date		date;			/* its day and month when printed (Russian), else zeros */
} nx_wire_dateline;

/* the bytes of such a dateline (and the spaces after it) at the start of s, else 0 */
size_t		nx_script_wire_dateline(const char *s, size_t n, nx_wire_dateline *out);

#endif
