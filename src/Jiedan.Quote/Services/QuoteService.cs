using System.Text.Json;
using Jiedan.Domain.Quote;
using Jiedan.Domain.Quote.Spec;
using Jiedan.Quote.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Quote.Services;

/// <summary>A computed quote not yet stored, with what it came from.</summary>
public sealed record PreparedQuote(QuoteSpec Spec, ComputedQuote Quote, long? CalibrationId, string SpecText, string SpecFormat)
{
    public QuoteView View(long? id = null, long? dealId = null) => QuoteView.From(Quote, Spec, CalibrationId, id, dealId);
}

/// <summary>
/// The quote use case shared by the CLI, the API and the dashboard: parse the spec, count the repository if it names
/// one, measure its debt, price it with the factors and rates in force; then store it, optionally on a deal.
/// </summary>
public sealed class QuoteService(
    IDbContextFactory<QuotesDbContext> contexts,
    CalibrationStore calibrations,
    IRepositoryScanner scanner,
    IMarketRateSource rates,
    IDealLookup deals,
    TimeProvider clock)
{
    private const string RepositoryField = "size.repository";
    private const string LintField = "tech_debt.golangci_lint";

    /// <param name="baseDirectory">Relative paths in the spec are resolved against this (the spec file's folder).</param>
    /// <param name="repositoryRoot">
    /// Paths in the spec (after resolving links and <c>..</c>) must lie below this directory; null refuses every path.
    /// </param>
    /// <exception cref="QuoteSpecException">the spec is malformed or cannot be priced; names line, column and field.</exception>
    public async Task<PreparedQuote> PrepareAsync(string specText, string source, string baseDirectory, string? repositoryRoot,
        CancellationToken ct)
    {
        var spec = QuoteSpecParser.Parse(specText, source);
        long? lines = null;
        TechDebtRatio? debt = null;
        if (spec.Repository is { } repository)
        {
            var root = SpecPath.Confine(source, spec.RepositoryMark, RepositoryField, repository, baseDirectory, repositoryRoot);
            RepositoryScan scan;
            try { scan = scanner.Scan(root, ct); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new QuoteSpecException(source, spec.RepositoryMark, RepositoryField, $"cannot read {repository}: {SpecPath.Why(e)}");
            }
            lines = scan.EffectiveLines;
            if (spec.MeasureTechDebt)
            {
                var lint = spec.GolangciLint is { } l
                    ? SpecPath.Confine(source, spec.GolangciLintMark, LintField, l, baseDirectory, repositoryRoot)
                    : null;
                try { debt = TechDebtMeter.Measure(scan, lint, ct); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    var why = e is FormatException ? "not a golangci-lint JSON report" : SpecPath.Why(e);
                    throw new QuoteSpecException(source, spec.GolangciLintMark, LintField, $"cannot read {spec.GolangciLint}: {why}");
                }
            }
        }
        var (factors, calibrationId) = await calibrations.CurrentAsync(ct);
        var table = await rates.LoadAsync(ct);
        var issued = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var inputs = QuoteSpecResolver.Resolve(spec, source, table, lines, debt, factors, issued);
        var quote = QuoteCalculator.Compute(inputs);
        var format = specText.TrimStart().StartsWith('{') ? "json" : "yaml";
        return new PreparedQuote(spec, quote, calibrationId, specText, format);
    }

    /// <exception cref="QuoteInputException">the deal does not exist.</exception>
    public async Task<QuoteView> SaveAsync(PreparedQuote prepared, long? dealId, CancellationToken ct)
    {
        if (dealId is { } id && !await deals.ExistsAsync(id, ct))
            throw new QuoteInputException("deal", $"deal {id} does not exist");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = prepared.Quote;
        var record = new QuoteRecord
        {
            DealId = dealId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Title = prepared.Spec.Title,
            Platform = q.Inputs.Platform.ToString(),
            Seniority = q.Inputs.Band.ToString(),
            Currency = q.Price.Currency.Code,
            SpecFormat = prepared.SpecFormat,
            SpecText = prepared.SpecText,
            ResultJson = "{}",
            EffortHours = q.Breakdown.EffortHours,
            Tier = q.Breakdown.Tier.ToString(),
            Premium = q.Breakdown.Premium,
            PriceLow = q.Price.Low.Amount,
            PriceExpected = q.Price.Expected.Amount,
            PriceHigh = q.Price.High.Amount,
            ValidUntil = q.ValidUntil,
            CalibrationId = prepared.CalibrationId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Quotes.Add(record);
        await db.SaveChangesAsync(ct);
        var view = prepared.View(record.Id, dealId);
        record.ResultJson = JsonSerializer.Serialize(view, CalibrationStore.Json);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return view;
    }

    public async Task<QuoteView?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var json = await db.Quotes.Where(q => q.Id == id).Select(q => q.ResultJson).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<QuoteView>(json, CalibrationStore.Json);
    }

    public async Task<IReadOnlyList<QuoteView>> ForDealAsync(long dealId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var json = await db.Quotes.Where(q => q.DealId == dealId).OrderByDescending(q => q.Id).Select(q => q.ResultJson).ToListAsync(ct);
        return json.Select(j => JsonSerializer.Deserialize<QuoteView>(j, CalibrationStore.Json)!).ToList();
    }

    /// <summary>The newest saved quotes, with the figures a list shows (read from their columns, not their JSON).</summary>
    public async Task<IReadOnlyList<SavedQuote>> RecentAsync(int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Quotes.AsNoTracking().OrderByDescending(q => q.Id).Take(take)
            .Select(q => new SavedQuote(q.Id, q.DealId, q.Title, q.CreatedAtUtc, q.Tier, q.PriceExpected, q.Currency, q.ValidUntil))
            .ToListAsync(ct);
    }

    /// <summary>The spec a stored quote was computed from, exactly as submitted.</summary>
    public async Task<string?> SpecOfAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Quotes.Where(q => q.Id == id).Select(q => q.SpecText).FirstOrDefaultAsync(ct);
    }
}

/// <summary>One row of the saved-quotes list.</summary>
public sealed record SavedQuote(long Id, long? DealId, string? Title, DateTime CreatedAtUtc, string Tier, decimal PriceExpected,
    string Currency, DateOnly ValidUntil);
