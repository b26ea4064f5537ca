// Text search for the API's reads: report descriptions and the words of content items, by Lucene;
// and the orderings its lists page through.
CREATE FULLTEXT INDEX report_text IF NOT EXISTS FOR (n:Report) ON EACH [n.description];
CREATE FULLTEXT INDEX content_text IF NOT EXISTS FOR (n:ContentItem) ON EACH [n.text];
CREATE INDEX case_created_at IF NOT EXISTS FOR (n:Case) ON (n.created_at);
CREATE INDEX campaign_start IF NOT EXISTS FOR (n:Campaign) ON (n.start);
