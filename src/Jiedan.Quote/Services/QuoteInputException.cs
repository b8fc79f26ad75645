namespace Jiedan.Quote.Services;

/// <summary>Bad input that is not a place in the spec: an unknown deal, an unreadable file given on the command line.</summary>
public sealed class QuoteInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
