namespace Jiedan.Incidents.Storage;

/// <summary>
/// One alert occurrence (receiver + fingerprint + startsAt), from Alertmanager or imported as a past incident.
/// Closed when a resolved notification arrives; <see cref="FixedBy"/> is the title of the entry that fixed it.
/// </summary>
public sealed class IncidentRecord
{
    public long Id { get; set; }
    public required string Receiver { get; set; }
    public required string Fingerprint { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public required string AlertName { get; set; }
    public long? DealId { get; set; }
    public required string Status { get; set; }
    public string LabelsJson { get; set; } = "{}";
    public string AnnotationsJson { get; set; } = "{}";
    public string GroupKey { get; set; } = "";
    public int TruncatedAlerts { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    /// <summary>When the client or freelancer first acknowledged it in the chat (a button or "收到"); set once.</summary>
    public DateTime? AcknowledgedAtUtc { get; set; }
    /// <summary>Who acknowledged it, as the platform names them (<c>telegram:42 Client</c>).</summary>
    public string? AcknowledgedBy { get; set; }
    /// <summary>When the suggestions were worked out (and posted, when the receiver names a deal with a chat).</summary>
    public DateTime? NotifiedAtUtc { get; set; }
    /// <summary>When the suggestions were queued for the deal's chat (null: no chat, nothing posted).</summary>
    public DateTime? PostedAtUtc { get; set; }
    /// <summary>When the chat was asked which suggestion fixed it (after it resolved), or when that was found needless.</summary>
    public DateTime? FixAskedAtUtc { get; set; }
    /// <summary>When <see cref="FixedBy"/> was recorded (chat, dashboard or <c>jiedan kb fixed</c>).</summary>
    public DateTime? FixRecordedAtUtc { get; set; }
    /// <summary>The suggestions as JSON (title, source, score, path, evidence), and whether the best was confident.</summary>
    public string? MatchesJson { get; set; }
    public bool Confident { get; set; }
    public string? FixedBy { get; set; }
    /// <summary><c>alertmanager</c> or <c>import</c>.</summary>
    public required string Origin { get; set; }
}

/// <summary>
/// One notification about one alert as received: unique on receiver + fingerprint + startsAt + status, so a payload
/// Alertmanager delivers again is recognised and changes nothing.
/// </summary>
public sealed class IncidentEventRecord
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public required string Receiver { get; set; }
    public required string Fingerprint { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public required string Status { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
}
