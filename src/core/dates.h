/*
 * dates.h - calendar dates as news articles print them.
 *
 * Never reads the clock, the locale or any setting: the same bytes always give the
 * same date, so results can sit in indexes.
 */
#ifndef NX_DATES_H
#define NX_DATES_H

#include <stddef.h>

typedef struct nx_date
{
	int			year;			/* 0 when the text gave no year */
	int			month;			/* 1..12 */
	int			day;			/* 1..31 */
	int			month_first_guess;	/* 1: 04/09/2016 (both 12 or less) read month first, for want of a label */
} nx_date;

/* what a date line says about its date */
typedef enum nx_date_label
{
	NX_DATE_NONE = 0,			/* not a date line */
	NX_DATE_UPDATED,			/* "Updated: ...", "Last modified ..." */
	NX_DATE_PLAIN,				/* a line that is only a date (with weekday, time, zone) */
	NX_DATE_WIRE,				/* a wire timestamp: 26-FEB-1987 15:01:01.79 */
	NX_DATE_PUBLISHED			/* "Published: ...", "Posted ..." */
} nx_date_label;

/* nonzero when y-m-d is a real calendar day */
int			nx_date_valid(int year, int month, int day);

/*
 * If the whole line is a date line (a date, optionally with a label such as
 * "Published:", a weekday, a time and a zone), stores the date with a year and
 * returns its label; otherwise returns NX_DATE_NONE.
 */
nx_date_label nx_date_line(const char *s, size_t n, nx_date *out);

/* 1 when the line is a labelled time without a date ("Updated 4:12 p.m. ET", "Updated 2 hours ago") */
int			nx_time_line(const char *s, size_t n);

/*
 * The same for the start of a line: when the line begins with a date line and goes on
 * with something else ("Posted on Sept. 4, 2016 by Jane Doe"), stores the date, sets
 * *consumed to where the rest begins (n when the whole line is a date line) and
 * returns the label. Looks at the first few dozen tokens only.
 */
nx_date_label nx_date_line_prefix(const char *s, size_t n, nx_date *out, size_t *consumed);

/* a date line (nx_date_line) is at most this many bytes */
#define NX_DATE_LINE_MAX 200

/* nx_date_line_prefix's answer on a line, for two parsers that read the same line */
typedef struct nx_date_prefix
{
	nx_date_label label;
	nx_date		date;
	size_t		consumed;
} nx_date_prefix;

/*
 * Reads a date at the very start of s ("Feb 26", "April 1 , 1997", "1996-08-22"),
 * skipping nothing. Returns the bytes consumed, 0 if there is no date there. The
 * year is 0 when the text has none and allow_no_year is set.
 */
size_t		nx_date_scan(const char *s, size_t n, int allow_no_year, nx_date *out);

/* a digit a date can be written in: ASCII, Arabic-Indic or Persian (١٤ مارس ٢٠٢٤); 1 or 0 */
int			nx_date_has_digit(const char *s, size_t n);

/*
 * A date with month_first_guess read day first instead (04/09/2016 as 4 September): after a
 * label in another language than English, or in an article in another language.
 */
void		nx_date_read_day_first(nx_date *d);

/* 1..12 for a month name or abbreviation (English, or any language of locale_names.h), else 0 */
int			nx_month_number(const char *s, size_t n);
/* 1 when the date-line word lists fit their hash table (a unit test checks) */
int			nx_date_words_valid(void);

#endif
