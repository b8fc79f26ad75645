using Jiedan.Bot.Storage;
using Jiedan.Domain.Bot;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Contract.Services;

/// <summary>The items of the deal's latest confirmed bot confirmation (none when the client has not confirmed one).</summary>
public sealed class ConfirmedItems(BotDbContext bot)
{
    public async Task<IReadOnlyList<string>> ForDealAsync(long dealId, CancellationToken ct)
    {
        var confirmed = nameof(ConfirmationState.Confirmed);
        var record = await bot.Confirmations.AsNoTracking()
            .Where(c => c.DealId == dealId && c.State == confirmed)
            .OrderByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        return record is null ? [] : [.. ConfirmationMapping.Items(record).OrderBy(i => i.Number).Select(i => i.Text)];
    }
}
