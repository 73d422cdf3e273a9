package dev.lake.testing;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.SetProperty;
import java.util.List;

/**
 * A history of analytics.events for the day-2 operations (adoption, repair, undo, environments),
 * valid for every format: steps 1 and 2 can be taken back, step 3 cannot.
 */
public final class OperationsMigrations {
  private OperationsMigrations() {}

  /** Steps 0 to 2: every later step reversible. */
  public static final List<Class<?>> REVERSIBLE = List.of(V0000_Create.class, V0001_AddRename.class,
      V0002_AddCountry.class);

  /** Steps 0 to 3: step 3 drops a column. */
  public static final List<Class<?>> WITH_DROP = List.of(V0000_Create.class, V0001_AddRename.class,
      V0002_AddCountry.class, V0003_DropDevice.class);

  @Migration(table = "analytics.events", step = 0, author = "jdoe", reason = "ANA-1", description = "create events")
  @AddColumn(name = "id", type = "long", required = true)
  @AddColumn(name = "ts", type = "timestamptz")
  @AddColumn(name = "name", type = "string")
  @SetProperty(key = "owner", value = "analytics")
  public static final class V0000_Create implements LakeMigration {}

  @Migration(table = "analytics.events", step = 1, author = "jdoe", description = "add device, rename name")
  @AddColumn(name = "device", type = "string")
  @RenameColumn(from = "name", to = "event_name")
  @SetProperty(key = "retention", value = "30d")
  public static final class V0001_AddRename implements LakeMigration {}

  /** Step 1 with a cosmetic edit: it says where device goes, which is where it went. */
  @Migration(table = "analytics.events", step = 1, author = "jdoe", description = "add device, rename name")
  @AddColumn(name = "device", type = "string", after = "event_name")
  @RenameColumn(from = "name", to = "event_name")
  @SetProperty(key = "retention", value = "30d")
  public static final class V0001_AddRenameRestated implements LakeMigration {}

  /** Step 1 with a real edit: the table it describes is not the table it made. */
  @Migration(table = "analytics.events", step = 1, author = "jdoe", description = "add device, rename name")
  @AddColumn(name = "device", type = "string")
  @AddColumn(name = "extra", type = "int")
  @RenameColumn(from = "name", to = "event_name")
  @SetProperty(key = "retention", value = "30d")
  public static final class V0001_AddRenameChanged implements LakeMigration {}

  @Migration(table = "analytics.events", step = 2, description = "add country")
  @AddColumn(name = "country", type = "string")
  public static final class V0002_AddCountry implements LakeMigration {}

  @Migration(table = "analytics.events", step = 3, description = "drop device", destructive = true)
  @DropColumn("device")
  public static final class V0003_DropDevice implements LakeMigration {}

  /** Step 1 adding the column someone added by hand. */
  @Migration(table = "analytics.events", step = 1, description = "declare by_hand")
  @AddColumn(name = "by_hand", type = "string")
  public static final class V0001_DeclareByHand implements LakeMigration {}

  /** Step 1 with a placeholder that each catalog fills. */
  @Migration(table = "analytics.events", step = 1, description = "owner per environment")
  @SetProperty(key = "owner", value = "${team}-team")
  public static final class V0001_OwnerPlaceholder implements LakeMigration {}
}
