using System.Text;

namespace Jiedan.Domain.Incidents;

/// <summary>Alert and metric names as words: <c>KubeletPLEGDurationHigh</c> and <c>kubelet_pleg_relist</c> become
/// "Kubelet PLEG Duration High" and "kubelet pleg relist", so a text ranker sees the words inside a name.</summary>
public static class Identifiers
{
    public static string Words(string name)
    {
        var s = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.' or ':' or '/') { s.Append(' '); continue; }
            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary) s.Append(' ');
            s.Append(c);
        }
        return s.ToString();
    }
}
