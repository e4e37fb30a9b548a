-- What a user builds on newsext, as the README recommends: make check-upgrade creates it
-- under 0.1.0 before ALTER EXTENSION newsext UPDATE, and under a fresh install to compare.
-- The articles are loaded into upgrade_articles(name, body) first.
CREATE TABLE articles (
    id integer PRIMARY KEY,
    name text NOT NULL,
    body text NOT NULL,
    headline text GENERATED ALWAYS AS (article_headline(body)) STORED,
    topic phrase
);
INSERT INTO articles (id, name, body, topic)
SELECT row_number() OVER (ORDER BY name), name, body,
       -- the headline's second and third words as a phrase (NULL when it has none)
       NULLIF(array_to_string((phrase_tokens(article_headline(body)))[2:3], ' '), '')::phrase
FROM upgrade_articles;
INSERT INTO articles (id, name, body, topic) VALUES
    (1001, 'literal-1', 'Talks resume in Geneva' || chr(10) || chr(10) || 'GENEVA - Officials met on Sunday.', 'walked back'),
    (1002, 'literal-2', 'Officials walked back the plan on Monday.', 'São Paulo''s mayor'),
    (1003, 'literal-3', '', 'five-year');

CREATE INDEX articles_body_phrase ON articles USING gin (body gin_phrase_ops);
CREATE INDEX articles_date ON articles (article_date(body));
CREATE INDEX articles_topic ON articles (topic);

CREATE VIEW article_fields AS
SELECT a.id, p.*
FROM articles a, LATERAL parse_article(a.body) p;

CREATE MATERIALIZED VIEW article_people AS
SELECT a.id, e.entity, e.kind, e.mentions, e.first_position
FROM articles a, LATERAL article_entities(a.body) e;
CREATE INDEX article_people_entity ON article_people (entity);
ANALYZE articles;
