// Rule same_content (batch): the content items that more than one report concerns.
MATCH (item:ContentItem {has_url: true})
WHERE COUNT { (item)<-[:CONCERNS]-(:Report) } > 1
RETURN item.key AS key
