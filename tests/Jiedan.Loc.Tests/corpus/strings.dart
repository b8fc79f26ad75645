// comment
var a = r'C:\path\'; // a raw string ends at the quote
var b = '/* not a comment';
/* outer /* nested */ still comment */
var c = """
// inside a string
""";
