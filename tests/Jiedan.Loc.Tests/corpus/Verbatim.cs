namespace Corpus;

/// <summary>Verbatim and raw strings hide comment markers.</summary>
public static class Verbatim
{
    public const string Path = @"C:\temp\// not a comment";
    public const string Quote = @"say ""/*"" here";

    public const string Raw = """
        // inside a raw string
        /* still inside */
        """;

    public static char Slash() => '/'; // a comment after code
}
