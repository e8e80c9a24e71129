using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Core.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user) =>
        user.Property(u => u.PreferredLanguage).HasMaxLength(5);
}
