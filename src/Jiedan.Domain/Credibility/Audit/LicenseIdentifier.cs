using System.Text.RegularExpressions;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// The SPDX id of a license text, recognised by phrases only that license contains (case and line breaks ignored). The
/// more specific texts are tried first: the AGPL and LGPL both mention the GPL, BSD-3-Clause contains BSD-2-Clause.
/// </summary>
public static partial class LicenseIdentifier
{
    private static readonly (string Spdx, string[] Phrases)[] Known =
    [
        ("AGPL-3.0", ["gnu affero general public license", "version 3"]),
        ("LGPL-3.0", ["gnu lesser general public license", "version 3"]),
        ("LGPL-2.1", ["gnu lesser general public license", "version 2.1"]),
        ("LGPL-2.0", ["gnu library general public license", "version 2"]),
        ("GPL-3.0", ["gnu general public license", "version 3"]),
        ("GPL-2.0", ["gnu general public license", "version 2"]),
        ("MPL-2.0", ["mozilla public license", "2.0"]),
        ("Apache-2.0", ["apache license", "version 2.0"]),
        ("Unlicense", ["this is free and unencumbered software released into the public domain"]),
        ("ISC", ["permission to use, copy, modify, and", "distribute this software for any purpose with or without fee is hereby granted"]),
        ("MIT", ["permission is hereby granted, free of charge, to any person obtaining a copy"]),
        ("BSD-3-Clause", ["redistribution and use in source and binary forms", "neither the name of"]),
        ("BSD-2-Clause", ["redistribution and use in source and binary forms"]),
    ];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    public static string? Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = Space().Replace(text.ToLowerInvariant().Replace("*", "", StringComparison.Ordinal), " ");
        return Known.FirstOrDefault(k => k.Phrases.All(p => normal.Contains(p, StringComparison.Ordinal))).Spdx;
    }
}
