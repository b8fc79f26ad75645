namespace Jiedan.Deals.Pages;

/// <summary>
/// A section another capability adds to the deal page (quotes, gate runs, confirmations). The page renders
/// <see cref="PartialName"/> with the model from <see cref="LoadAsync"/>, titled by <see cref="TitleKey"/>.
/// </summary>
public interface IDealPanel
{
    string TitleKey { get; }
    string PartialName { get; }
    Task<object?> LoadAsync(long dealId, CancellationToken ct);
}
