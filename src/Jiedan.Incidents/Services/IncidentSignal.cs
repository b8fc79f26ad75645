using Jiedan.Common.Background;

namespace Jiedan.Incidents.Services;

/// <summary>Wakes the notifier as soon as the receiver has stored a new alert.</summary>
public sealed class IncidentSignal : WakeSignal;
