using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Core.Data;

/// <summary>
/// Passkeys (WebAuthn credentials), in the table and shape Identity's schema version 3 gives them. Identity only maps
/// this table when the application's <c>IdentityOptions.Stores.SchemaVersion</c> is 3, and it reads that option from
/// the service provider the context was built in: the migration tools, the command-line benchmarks and the tests
/// build contexts outside the web host, and would each get a model without passkeys. Mapped here instead, the model is
/// the same wherever the context is built; the rest of the Identity schema stays as it is.
/// </summary>
internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    /// <summary>The WebAuthn specification caps a credential id at 1,023 bytes.</summary>
    public const int MaxCredentialIdBytes = 1024;

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> passkey)
    {
        passkey.ToTable("AspNetUserPasskeys");
        passkey.HasKey(p => p.CredentialId);
        passkey.Property(p => p.CredentialId).HasMaxLength(MaxCredentialIdBytes);
        passkey.OwnsOne(p => p.Data).ToJson();
        // Deleting an account row deletes its passkeys; erasing an account (a tombstone row) deletes them explicitly.
        passkey.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
    }
}
