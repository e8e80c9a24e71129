using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PreventionPrize.Core.Data;

/// <summary>Stores instants as UTC DateTime (orderable on SQLite, unlike DateTimeOffset) and reads them back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
