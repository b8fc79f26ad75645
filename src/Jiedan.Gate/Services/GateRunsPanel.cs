using Jiedan.Deals.Pages;
using Jiedan.Gate.Storage;

namespace Jiedan.Gate.Services;

/// <summary>The deal page's gate history: every run with its verdict, evidence hash and report downloads.</summary>
public sealed class GateRunsPanel(GateRunStore store) : IDealPanel
{
    public string TitleKey => "gate.panel.title";
    public string PartialName => "/Pages/Gate/_GateRunsPanel.cshtml";

    public async Task<object?> LoadAsync(long dealId, CancellationToken ct) =>
        new GateRunsPanelModel(dealId, await store.ListAsync(dealId, ct) ?? []);
}

public sealed record GateRunsPanelModel(long DealId, IReadOnlyList<GateRunSummary> Runs);
