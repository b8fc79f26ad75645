-- list deals
SELECT id, '/* not a comment */' AS note
FROM deals /* inline comment */
WHERE status = 'open';
/*
 block
*/
