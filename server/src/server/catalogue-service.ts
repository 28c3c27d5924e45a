// The server's catalogue: owns the CatalogueManager, refreshes it in the background and tells
// the server when the catalogue the engine should use has changed. Problems reach the user
// once, as a window/showMessage notification, and always the log. Never a showMessageRequest:
// an editor waits on a request for an answer (Neovim stops at a `Request Actions` prompt), and
// a problem with nothing to choose needs none.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { httpGet } from '../catalogue/http';
import { CatalogueManager, readCatalogueSettings } from '../catalogue/manager';
import type { Catalogue } from '../engine/catalogue/catalogue';
import { describeOrigin } from '../engine/catalogue/parse';
import { escapeNotification } from '../engine/text/escape-notification';

export interface CatalogueStatus {
  source: string;
  problem?: string;
}

export class CatalogueService {
  private manager: CatalogueManager | null = null;
  private settingsKey = '';

  constructor(
    private readonly connection: Connection,
    private readonly cacheDir: string | null,
    private readonly onChange: (catalogue: Catalogue) => void,
    /** An untrusted workspace (VS Code's restricted mode): no network, no catalogue file. */
    private readonly restricted = false,
    /** Tags the workspace uses: their sizes are asked for first (the registry lookups are capped per refresh). */
    private readonly tagsInUse: () => readonly string[] = () => [],
  ) {}

  /** Applies the `bitHarbor.catalog` settings; refreshes when they changed. */
  configure(section: unknown): void {
    // BIT_HARBOR_OFFLINE=1 keeps an air-gapped machine (or a test run) off the network whatever
    // the editor's settings say.
    const offline = process.env.BIT_HARBOR_OFFLINE === '1' || this.restricted;
    const settings = { ...readCatalogueSettings(section), ...(offline ? { offline: true } : {}), ...(this.restricted ? { path: undefined } : {}) };
    const key = JSON.stringify(settings);
    if (key === this.settingsKey && this.manager) return;
    this.settingsKey = key;
    const log = (message: string) => this.connection.console.log(`bit-harbor: catalogue: ${message}`);
    if (this.manager) this.manager.configure(settings);
    else this.manager = new CatalogueManager({ settings, cacheDir: this.cacheDir, http: httpGet, log });
    this.onChange(this.manager.current());
    void this.refresh(false);
  }

  current(): Catalogue | null {
    return this.manager?.current() ?? null;
  }

  status(): CatalogueStatus {
    const catalogue = this.manager?.current();
    return { source: catalogue ? describeOrigin(catalogue.origin, Date.now()) : 'not loaded' };
  }

  /**
   * Fetches when due (or now, when forced: the `bitHarbor.refreshCatalogue` command, which is
   * how a user retries before the backoff has passed), then asks the registry for sizes; never
   * throws. A forced refresh says its problem even when it is not new: the user asked.
   */
  async refresh(force: boolean): Promise<CatalogueStatus> {
    const manager = this.manager;
    if (!manager) return this.status();
    try {
      const result = await manager.refresh({ force });
      const problem = force ? result.failure : result.problem;
      if (problem) this.warn(`Bit Harbor catalogue: ${problem}`);
      if (result.changed) this.onChange(result.catalogue);
      // Only catalogue tags are asked about, those the workspace uses first.
      const tags = [...this.tagsInUse().filter((tag) => result.catalogue.get(tag)), ...result.catalogue.entries().map((entry) => entry.name)];
      const sized = await manager.resolveSizes(tags);
      if (sized !== result.catalogue) this.onChange(sized);
      return { ...this.status(), problem };
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      this.connection.console.error(`bit-harbor: catalogue refresh failed: ${problem}`);
      return { ...this.status(), problem };
    }
  }

  private warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: escapeNotification(message) });
  }
}
