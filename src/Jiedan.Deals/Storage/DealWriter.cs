using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Pipeline;
using Jiedan.Domain.Time;

namespace Jiedan.Deals.Storage;

/// <summary>
/// Applies validated transitions to a deal row and its spans in memory. The store and the importer both go
/// through here, so a deal looks the same however its events arrived.
/// </summary>
public sealed class DealWriter(PipelineSettings settings)
{
#pragma warning disable CA1822 // callers reach every deal-shaping operation through one writer
    public DealRecord NewDeal(DealDraft draft, DateTimeOffset now) => new()
    {
        ExternalId = string.IsNullOrWhiteSpace(draft.ExternalId) ? null : draft.ExternalId.Trim(),
        Client = draft.Client.Trim(),
        Platform = draft.Platform.ToString(),
        Category = draft.Category.ToString(),
        Seniority = draft.Seniority.ToString(),
        BudgetAmount = draft.Budget?.Amount,
        BudgetCurrency = draft.Budget?.Currency.Code,
        Tags = DealEdit.TagText(draft.Tags),
        Notes = draft.Notes,
        IsDemo = draft.IsDemo,
        Stage = "",
        CreatedAt = now.UtcDateTime,
        UpdatedAt = now.UtcDateTime,
    };

    /// <summary>
    /// Sets the deal's attributes to <paramref name="draft"/> and rewrites the copies its spans carry for analytics, so the
    /// report's slices follow the edit. The deal's spans must be loaded.
    /// </summary>
    public void Edit(DealRecord deal, DealDraft draft, DateTimeOffset at)
    {
        deal.Client = draft.Client.Trim();
        deal.Platform = draft.Platform.ToString();
        deal.Category = draft.Category.ToString();
        deal.Seniority = draft.Seniority.ToString();
        deal.BudgetAmount = draft.Budget?.Amount;
        deal.BudgetCurrency = draft.Budget?.Currency.Code;
        deal.Notes = string.IsNullOrEmpty(draft.Notes) ? null : draft.Notes;
        deal.Tags = DealEdit.TagText(draft.Tags);
        foreach (var span in deal.Spans) (span.Platform, span.Category, span.Seniority) = (deal.Platform, deal.Category, deal.Seniority);
        deal.UpdatedAt = at.UtcDateTime > deal.UpdatedAt ? at.UtcDateTime : deal.UpdatedAt;
        deal.Version++;
    }
#pragma warning restore CA1822

    /// <summary>The deal's editable attributes as a draft, the form an edit starts from.</summary>
    public static DealDraft DraftOf(DealRecord deal) => new(deal.Client, Enum.Parse<Platform>(deal.Platform))
    {
        ExternalId = deal.ExternalId,
        Category = Enum.Parse<DealCategory>(deal.Category),
        Seniority = Enum.Parse<SeniorityBand>(deal.Seniority),
        Budget = deal.BudgetAmount is { } amount && Currency.TryParse(deal.BudgetCurrency, out var currency)
            ? new Money(amount, currency) : null,
        Tags = deal.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Notes = deal.Notes,
        IsDemo = deal.IsDemo,
    };

    public static IReadOnlyList<StageEvent> ToDomain(IEnumerable<StageEventRecord> events) =>
        events.OrderBy(e => e.Seq).Select(e => new StageEvent(e.Seq, e.FromStage, e.ToStage, new DateTimeOffset(e.At.AsUtc()), e.Actor,
            e.Reason)).ToList();

    /// <summary>Why the transition cannot follow the deal's events, or null.</summary>
    public TransitionProblem? Check(DealRecord deal, string to, DateTimeOffset at, string? reason) =>
        DealTimeline.CheckNext(ToDomain(deal.Events), to, at, reason, settings.Stages);

    /// <summary>
    /// Appends a checked transition: records the event, closes the open span, opens the next one, and updates the
    /// deal's stage, furthest stage and bottleneck. The deal's events and spans must be loaded.
    /// </summary>
    public void Apply(DealRecord deal, string to, DateTimeOffset at, string actor, string? reason)
    {
        var spans = deal.Spans;
        settings.Stages.TryFind(to, out var stage);
        var seq = deal.Events.Count == 0 ? 1 : deal.Events.Max(e => e.Seq) + 1;
        var day = settings.Calendar.DateOf(at).DayNumber;
        var ev = new StageEventRecord { DealId = deal.Id, Seq = seq, FromStage = deal.Events.Count == 0 ? null : deal.Stage,
            ToStage = stage.Key, At = at.UtcDateTime, Actor = actor, Reason = reason };
        deal.Events.Add(ev);
        foreach (var open in spans.Where(s => s.LeftDay is null)) open.LeftDay = day;

        if (stage != PipelineStages.Lost)
        {
            if (seq == 1) deal.LeadDay = day;
            spans.Add(new StageSpanRecord
            {
                DealId = deal.Id, Seq = seq, Stage = stage.Key, EnteredDay = day, LeadDay = deal.LeadDay,
                Platform = deal.Platform, Category = deal.Category, Seniority = deal.Seniority,
            });
            deal.FurthestStageIndex = Math.Max(deal.FurthestStageIndex, settings.Stages.IndexOf(stage.Key));
            deal.LostReason = null;
        }
        else deal.LostReason = reason;

        deal.Stage = stage.Key;
        deal.StageEnteredAt = at.UtcDateTime;
        deal.UpdatedAt = at.UtcDateTime > deal.UpdatedAt ? at.UtcDateTime : deal.UpdatedAt;
        deal.Version++;
        deal.Bottleneck = DealBottleneck.Find(spans
            .Where(s => s.LeftDay is not null && settings.Stages.IndexOf(s.Stage) < settings.Stages.Ordered.Count - 1)
            .Select(s => (s.Stage, settings.Calendar.BusinessDaysBetween(DateOnly.FromDayNumber(s.EnteredDay),
                DateOnly.FromDayNumber(s.LeftDay!.Value))))
            .ToList());
    }
}
