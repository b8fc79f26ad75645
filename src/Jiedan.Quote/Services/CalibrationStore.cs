using System.Text.Json;
using System.Text.Json.Serialization;
using Jiedan.Domain.Quote;
using Jiedan.Domain.Quote.Calibration;
using Jiedan.Quote.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Quote.Services;

/// <summary>Saves calibrations and hands quotes the factors in force: the newest saved calibration, else the defaults.</summary>
public sealed class CalibrationStore(IDbContextFactory<QuotesDbContext> contexts, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<(ProductivityFactors Factors, long? CalibrationId)> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var latest = await db.Calibrations.OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return latest is null
            ? (ProductivityFactors.Default, null)
            : (JsonSerializer.Deserialize<ProductivityFactors>(latest.FactorsJson, Json)!, latest.Id);
    }

    public async Task<long> SaveAsync(CalibrationResult result, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var factors = result.ApplyTo(ProductivityFactors.Default,
            $"calibration of {now:yyyy-MM-dd} from {Path.GetFileName(result.Source)} ({result.MethodName})");
        var record = new CalibrationRecord
        {
            CreatedAtUtc = now,
            Source = result.Source,
            Method = result.MethodCode,
            Projects = result.ProjectsRead,
            FactorsJson = JsonSerializer.Serialize(factors, Json),
            SizeMmre = result.Size?.Accuracy.Mmre,
            SizePred25 = result.Size?.Accuracy.Pred25,
            FunctionPointMmre = result.FunctionPoints?.Accuracy.Mmre,
            FunctionPointMdMre = result.FunctionPoints?.Accuracy.MdMre,
            FunctionPointPred25 = result.FunctionPoints?.Accuracy.Pred25,
        };
        db.Calibrations.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}
