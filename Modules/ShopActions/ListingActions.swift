import Listing
import ShopDomain
import Storage

extension ShopSession {
    /// DES-2, DES-3, DES-5: reads a style's image folder (and its backup) from the files and records
    /// the result as one op. Throws only when the style is unknown or the folder cannot be read.
    @discardableResult
    public func checkListingFolder(_ style: String, directory: String, backup: String?, as actor: Staff) throws -> ListingFolderChecked {
        try require(ListingFolderChecked.self, of: actor)
        let code = try read { db in try ListingWork.resolveStyle(db, style) }
        let payload = try ListingWork.folderCheck(database, style: code, directory: directory, backup: backup)
        try apply(payload, as: actor)
        return payload
    }
}
