/* jsonb_sink.h - the article JSON writer's events (article_json.h) straight into jsonb */
#ifndef NEWSEXT_JSONB_SINK_H
#define NEWSEXT_JSONB_SINK_H

#include "postgres.h"
#include "utils/jsonb.h"

#include "article_json.h"

typedef struct newsext_jsonb_sink
{
	nx_json_sink sink;
	JsonbParseState *state;
	JsonbValue *result;			/* the document, once its outer object is closed */
	int			depth;
	bool		in_array[NX_JSON_MAX_DEPTH];	/* values at this depth are array elements */
} newsext_jsonb_sink;

extern void newsext_jsonb_sink_init(newsext_jsonb_sink *j);
/* the finished document */
extern Jsonb *newsext_jsonb_sink_result(newsext_jsonb_sink *j);

#endif
