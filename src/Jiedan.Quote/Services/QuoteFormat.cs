using Jiedan.Domain.Currencies;

namespace Jiedan.Quote.Services;

public static class QuoteFormat
{
    /// <summary>An amount with its currency symbol, e.g. $57,214.37 or ¥12,000.00.</summary>
    public static string Money(decimal amount, string currency) =>
        Currency.TryParse(currency, out var c) ? new Money(amount, c).ToString() : $"{amount} {currency}";
}
