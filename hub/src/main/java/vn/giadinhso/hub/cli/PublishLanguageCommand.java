package vn.giadinhso.hub.cli;

import picocli.CommandLine.Command;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.language.LanguagePack;
import vn.giadinhso.hub.language.LanguagePackReader;
import vn.giadinhso.hub.pack.PackReader;
import vn.giadinhso.hub.pack.PackStore;

@Command(name = "publish-language", description = {
    "Publish language packs (folders or zips with pack.json at the root, see docs/languages.md) to kiosks.",
    "Check them first with the kiosk's `languages validate`. A new version replaces the old on kiosks at their next sync."})
final class PublishLanguageCommand extends PublishPacksCommand<LanguagePack> {
  @Override
  PackReader<LanguagePack> reader() {
    return new LanguagePackReader();
  }

  @Override
  PackStore<LanguagePack> store(HubApp hub) {
    return hub.languagePacks;
  }

  @Override
  String describe(LanguagePack pack) {
    return pack.code() + " (" + pack.nameVi() + ")";
  }
}
