using Jiedan.Deals.Pages;

namespace Jiedan.Quote.Services;

/// <summary>The deal page's quotes: every quote stored on the deal, newest first, with its PDF.</summary>
public sealed class QuotesPanel(QuoteService quotes) : IDealPanel
{
    public string TitleKey => "quote.panel.title";
    public string PartialName => "/Pages/Quote/_QuotesPanel.cshtml";

    public async Task<object?> LoadAsync(long dealId, CancellationToken ct) =>
        new QuotesPanelModel(dealId, await quotes.ForDealAsync(dealId, ct));
}

public sealed record QuotesPanelModel(long DealId, IReadOnlyList<QuoteView> Quotes);
