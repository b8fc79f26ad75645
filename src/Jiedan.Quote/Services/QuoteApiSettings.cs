namespace Jiedan.Quote.Services;

/// <summary>
/// Config <c>Quotes:RepositoryRoot</c>: the only directory whose subtree a spec's <c>size.repository</c> and
/// <c>tech_debt.golangci_lint</c> may name (relative paths resolve against it). Unset, the API and the dashboard refuse
/// specs that name a repository; the CLI falls back to the current directory.
/// </summary>
public sealed record QuoteApiSettings(string? RepositoryRoot);
