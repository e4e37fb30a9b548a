/*
 * byline.h - who wrote an article: "By Jane Doe and John Roe", "Von Max Muster",
 * "Jane Doe, John Roe | Publisher", "By dpa", a byline with a date on the same line
 * ("By Jane Doe, September 4, 2016", "Posted on Sept. 4, 2016 by Jane Doe").
 */
#ifndef NX_BYLINE_H
#define NX_BYLINE_H

#include <stddef.h>

#include "dates.h"

typedef struct nx_byline
{
	const char *names;			/* the names as written, without the "By"; points into the line */
	size_t		names_n;
	nx_date_label date_label;	/* NX_DATE_NONE, or the label of the date the line carries */
	nx_date		date;
} nx_byline;

/*
 * Length of the word for "by" at the start of s with the space after it ("By ", "Von ",
 * "Par ", "Por ", "Door ", "Av ", "Przez ", ...), or 0.
 */
size_t		nx_by_word(const char *s, size_t n);

/*
 * Do s[0..n) look like a list of names (capitalised words, particles such as "van" or
 * "de", commas, "and" in the usual languages, a publisher after "|"), not a sentence?
 * With a by-word before them, a lone handle or agency in lower case counts ("dpa").
 */
int			nx_looks_like_names(const char *s, size_t n, int after_by_word);

/*
 * Do s[0..n) look like the handles or agencies sites print for a byline without a "By"
 * ("dpa", "ORF.at", "ssi, dan"): at most three short tokens, no sentence?
 */
int			nx_looks_like_handles(const char *s, size_t n);

/* a byline line (any of the forms above): fills *out and returns 1, else 0 */
int			nx_byline_parse(const char *s, size_t n, nx_byline *out);
/* the same, given nx_date_line_prefix's answer on the trimmed line (NULL: computes it) */
int			nx_byline_parse_dated(const char *s, size_t n, const nx_date_prefix *prefix, nx_byline *out);

/* 1 when the word's first letter is a lower-case letter, in any script ("road", "дороги") */
int			nx_word_starts_lower(const char *s, size_t n);

/* a word of an outlet's name among the words ("Harbour Times", "CBC News"): 1 or 0 */
int			nx_outlet_name(const char *s, size_t n);

/* the length of a byline without a role after a bar ("Jane Doe | Senior Reporter" -> "Jane Doe") */
size_t		nx_byline_without_role(const char *s, size_t n);

/* a person's name as a meta line's segment ("Jane Doe", not "CBS News"): 1 or 0 */
int			nx_person_name(const char *s, size_t n);

/* a reporter's role on the line under the name ("Health reporter, BBC News"): 1 or 0 */
int			nx_role_line(const char *s, size_t n);

/* "Jane Doe, Staff Writer, September 4, 2016": names with a role word, then a date; 1 or 0 */
int			nx_byline_names_role_date(const char *s, size_t n, nx_byline *out);

#endif
