using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Pages.Deals;

/// <summary>
/// The pipeline board: a column per stage (and Lost), filtered by client, platform and tag from the query string (links
/// are shareable, no script needed), at most <see cref="Take"/> cards per column, a move form on every open deal. The
/// board script (<see cref="BoardScript"/>) adds drag and drop and Alt+arrow moves over the same Move handler.
/// </summary>
public sealed class BoardModel(DealsDbContext db, DealMoveForm moveForm, PipelineSettings settings) : PageModel
{
    public const int DefaultTake = 30;
    public const int MoreStep = 100;
    private const int MaxTake = 1000;
    private const int MaxTagSuggestions = 200;

    /// <summary>What a card shows: the deal without its notes, events or spans.</summary>
    public sealed record Card(long Id, string Client, string Platform, string Category, decimal? BudgetAmount, string? BudgetCurrency,
        string Tags, bool IsDemo, string? Bottleneck, string Stage, int Version);

    public sealed record Column(Stage Stage, IReadOnlyList<Card> Deals, int Total);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Platform { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public int Take { get; set; } = DefaultTake;

    public PipelineStages Stages => settings.Stages;
    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public IReadOnlyList<string> Platforms { get; } = Enum.GetNames<Platform>();
    public IReadOnlyList<string> KnownTags { get; private set; } = [];
    public bool Filtered => Q is not null || Platform is not null || Tag is not null;
    public string? FilterError { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public IEnumerable<Stage> NextStages(string current) =>
        settings.Stages.Ordered.Skip(settings.Stages.IndexOf(current) + 1).Append(PipelineStages.Lost);

    /// <summary>The filters as query values, for the move forms' action and the "show more" links.</summary>
    public Dictionary<string, string> FilterValues(int? take = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Q is not null) values["q"] = Q;
        if (Platform is not null) values["platform"] = Platform;
        if (Tag is not null) values["tag"] = Tag;
        var t = take ?? Take;
        if (t != DefaultTake) values["take"] = t.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Normalise();
        var deals = DealStore.Filter(db.Deals.AsNoTracking(), query);
        var counts = await deals.GroupBy(d => d.Stage).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var columns = new List<Column>();
        foreach (var stage in settings.Stages.Ordered.Append(PipelineStages.Lost))
        {
            var total = counts.GetValueOrDefault(stage.Key);
            var cards = total == 0 ? [] : await deals.Where(d => d.Stage == stage.Key)
                .OrderByDescending(d => d.StageEnteredAt).ThenByDescending(d => d.Id).Take(Take)
                .Select(d => new Card(d.Id, d.Client, d.Platform, d.Category, d.BudgetAmount, d.BudgetCurrency, d.Tags, d.IsDemo,
                    d.Bottleneck, d.Stage, d.Version))
                .ToListAsync(ct);
            columns.Add(new Column(stage, cards, total));
        }
        Columns = columns;
        KnownTags = await TagsAsync(ct);
    }

    /// <summary>
    /// A move from a card's form. The board script asks for JSON (Accept: application/json) and gets the message, the
    /// deal's version after the attempt and 409 when the version it sent was stale; a plain form post is redirected back.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, int version, string stage, string? reason, CancellationToken ct)
    {
        var (message, isError) = await moveForm.SubmitAsync(id, version, stage, reason, User.Actor(), ct);
        if (!WantsJson())
        {
            (Message, MessageIsError) = (message, isError);
            Normalise();
            return RedirectToPage(FilterValues().ToDictionary(p => p.Key, p => (object?)p.Value));
        }
        var current = await db.Deals.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct);
        var stale = isError && current is { } v && v != version;
        var body = new { ok = !isError, message, version = current, stale };
        return new JsonResult(body) { StatusCode = stale ? StatusCodes.Status409Conflict : isError ? 422 : 200 };
    }

    private bool WantsJson() =>
        Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private DealQuery Normalise()
    {
        Q = Clean(Q, DealFieldLimits.Client);
        Tag = Clean(Tag, DealFieldLimits.Tag);
        Take = Math.Clamp(Take, 1, MaxTake);
        var (query, _, error) = DealQueryParser.Parse(Platform, null, null, null, null, search: Q);
        if (query is null)
        {
            FilterError = error;
            Platform = null;
            query = DealQueryParser.Parse(null, null, null, null, null, search: Q).Query!;
        }
        else Platform = query.Platform;
        return query with { Tag = Tag };
    }

    /// <summary>Trimmed and cut to the field's length, without NUL (PostgreSQL refuses it in a parameter); null when empty.</summary>
    private static string? Clean(string? value, int max)
    {
        var text = value?.Replace("\0", "", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(text) ? null : text[..Math.Min(text.Length, max)];
    }

    private async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct)
    {
        var lists = await db.Deals.AsNoTracking().Where(d => d.Tags != "").Select(d => d.Tags).Distinct().OrderBy(t => t)
            .Take(5000).ToListAsync(ct);
        return lists.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxTagSuggestions).ToList();
    }
}
